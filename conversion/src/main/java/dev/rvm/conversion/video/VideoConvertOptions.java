package dev.rvm.conversion.video;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;

import java.nio.file.Path;

/**
 * What {@code ./rvm convert --input VIDEO} writes.
 *
 * @param pngSequence  true: each output is a directory of PNGs; false: each output is a video file
 * @param videoMbps    bit rate of encoded video outputs
 * @param background   null for none: the composition keeps real transparency (PNG, or ProRes 4444 in .mov)
 */
public record VideoConvertOptions(Path input, Path composition, Path alpha, Path foreground, boolean pngSequence,
        double videoMbps, Background background, MattingSettings settings) {

    public VideoConvertOptions {
        if (composition == null && alpha == null && foreground == null) {
            throw new IllegalArgumentException("nothing to write: give at least one of --output-composition, --output-alpha, --output-foreground");
        }
        if (!(videoMbps > 0)) {
            throw new IllegalArgumentException("--output-video-mbps must be positive, got " + videoMbps);
        }
        if (background instanceof Background.Video) {
            throw new IllegalArgumentException("a video background is not supported by convert; give a colour, an image or blur");
        }
    }

    /** Refuses, before any work, video outputs whose file names choose no encoder (or no alpha for a transparent composition). */
    public void checkFormats() {
        if (pngSequence) {
            return;
        }
        if (composition != null) {
            VideoFormat.of(composition, background == null, "--output-composition");
        }
        if (alpha != null) {
            VideoFormat.of(alpha, false, "--output-alpha");
        }
        if (foreground != null) {
            VideoFormat.of(foreground, false, "--output-foreground");
        }
    }
}
