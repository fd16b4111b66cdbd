package dev.rvm.conversion.sequence;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;

import java.nio.file.Path;

/**
 * What {@code ./rvm convert} writes. Any output directory may be null (not written), but not all.
 *
 * @param background null for none: the composition is then straight-alpha RGBA
 */
public record ConvertOptions(Path composition, Path alpha, Path foreground, Background background, MattingSettings settings) {

    public ConvertOptions {
        if (composition == null && alpha == null && foreground == null) {
            throw new IllegalArgumentException("nothing to write: give at least one of --output-composition, --output-alpha, --output-foreground");
        }
        if (background instanceof Background.Video) {
            throw new IllegalArgumentException("a video background needs a background frame source; give a colour, an image or blur");
        }
    }
}
