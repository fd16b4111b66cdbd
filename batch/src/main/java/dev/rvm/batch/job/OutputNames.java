package dev.rvm.batch.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What each video's directory receives: the names given to {@code --output-composition},
 * {@code --output-alpha} and {@code --output-foreground} (null: not written), as video files or PNG
 * directories.
 */
public record OutputNames(String composition, String alpha, String foreground, boolean pngSequence, double videoMbps)
        implements Serializable {

    public OutputNames {
        if (composition == null && alpha == null && foreground == null) {
            throw new IllegalArgumentException("nothing to write: give at least one of --output-composition, --output-alpha,"
                    + " --output-foreground (a file or directory name inside each video's output directory)");
        }
        for (String name : new String[]{composition, alpha, foreground}) {
            if (name != null && (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")
                    || name.startsWith("_"))) {
                throw new IllegalArgumentException("output name '" + name + "' must be a plain file or directory name (no"
                        + " slashes, not starting with '.' or '_'): it is created inside each video's output directory");
            }
        }
        if (!(videoMbps > 0)) {
            throw new IllegalArgumentException("--output-video-mbps must be positive, got " + videoMbps);
        }
    }

    /** The names asked for, composition first. */
    public List<String> all() {
        List<String> names = new ArrayList<>();
        for (String n : new String[]{composition, alpha, foreground}) {
            if (n != null) {
                names.add(n);
            }
        }
        return names;
    }
}
