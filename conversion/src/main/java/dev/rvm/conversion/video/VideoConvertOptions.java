package dev.rvm.conversion.video;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;

import java.nio.file.Path;

/**
 * What {@code ./rvm convert --input VIDEO} writes.
 *
 * @param pngSequence  true: each output is a directory of PNGs; false: each output is a video file
 * @param videoMbps    bit rate of encoded video outputs
 * @param background   null for none: the composition keeps real transparency (PNG, FFV1 with alpha in .mkv, or ProRes 4444 in .mov)
 * @param allowTruncated keep the outputs of an input that ends before the frame count its container
 *                     announces (a cut download); otherwise such a run fails and writes nothing
 */
public record VideoConvertOptions(Path input, Path composition, Path alpha, Path foreground, boolean pngSequence,
        double videoMbps, Background background, MattingSettings settings, boolean allowTruncated) {

    /** The encoders' limit (x264enc takes at most 2048000 kbit/s, vp9enc an int of bit/s). */
    public static final double MAX_VIDEO_MBPS = 2000;

    /** Returns the bit rate when the encoders take it, else fails naming the option and the range. */
    public static double requireVideoMbps(double videoMbps) {
        if (!(videoMbps > 0 && videoMbps <= MAX_VIDEO_MBPS)) {
            throw new IllegalArgumentException("--output-video-mbps must be in (0, " + (int) MAX_VIDEO_MBPS + "], got " + videoMbps);
        }
        return videoMbps;
    }

    /** Options that refuse a truncated input. */
    public VideoConvertOptions(Path input, Path composition, Path alpha, Path foreground, boolean pngSequence,
            double videoMbps, Background background, MattingSettings settings) {
        this(input, composition, alpha, foreground, pngSequence, videoMbps, background, settings, false);
    }

    public VideoConvertOptions {
        if (composition == null && alpha == null && foreground == null) {
            throw new IllegalArgumentException("nothing to write: give at least one of --output-composition, --output-alpha, --output-foreground");
        }
        requireVideoMbps(videoMbps);
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
