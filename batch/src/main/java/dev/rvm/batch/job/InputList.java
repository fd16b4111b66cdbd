package dev.rvm.batch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The videos of a job: the video files of a directory (not its subdirectories), or the lines of a
 * list file (one path per line, relative to the list's directory; blank lines and {@code #} comments
 * skipped). Each video's outputs go to a directory named after the file without its extension.
 */
public final class InputList {

    static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "mkv", "webm", "avi", "m4v", "ts", "mts");

    /** A video of the job (absolute path) and the name of its output directory. */
    public record Input(String name, String path) implements java.io.Serializable {
    }

    private InputList() {
    }

    public static List<Input> resolve(Path input) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> s = Files.list(input)) {
                s.filter(Files::isRegularFile).filter(InputList::isVideo).sorted().forEach(files::add);
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("--input " + input + " holds no video files (" + String.join(", ",
                        VIDEO_EXTENSIONS.stream().sorted().toList()) + "); give a directory of videos or a list file");
            }
        } else if (Files.isRegularFile(input)) {
            Path base = input.toAbsolutePath().getParent();
            for (String line : Files.readAllLines(input)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    files.add(base.resolve(t));
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("--input " + input + " lists no videos; write one path per line");
            }
        } else {
            throw new IllegalArgumentException("--input " + input + " is neither a directory of videos nor a list file");
        }
        return named(files);
    }

    private static List<Input> named(List<Path> files) {
        Map<String, Path> seen = new HashMap<>();
        List<Input> inputs = new ArrayList<>();
        for (Path f : files) {
            Path file = f.toAbsolutePath().normalize();
            String name = stem(file);
            if (name.startsWith("_") || name.startsWith(".")) {
                throw new IllegalArgumentException(file + ": a video whose name starts with '_' or '.' would clash with the job's"
                        + " own files in the output directory; rename it");
            }
            Path other = seen.putIfAbsent(name, file);
            if (other != null) {
                throw new IllegalArgumentException("two inputs would write to the same output directory '" + name + "': " + other
                        + " and " + file + "; rename one of them");
            }
            inputs.add(new Input(name, file.toString()));
        }
        return inputs;
    }

    static boolean isVideo(Path p) {
        return VIDEO_EXTENSIONS.contains(extension(p));
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }
}
