package dev.rvm.conversion.composite;

import dev.rvm.matting.compositing.CoverScaler;
import org.opencv.core.Mat;

/**
 * Scales an image to cover a frame size and crops the centre: nothing is stretched and no border
 * is left, as upstream does with backgrounds of another aspect ratio.
 */
public final class CoverResize {
    private CoverResize() {
    }

    /** Returns a new Mat of exactly {@code size} (the caller owns it); a same-size input is copied. */
    public static Mat apply(Mat image, FrameSize size) {
        Mat out = new Mat();
        Mat scaled = new Mat();
        try {
            CoverScaler.cover(image, size.width(), size.height(), scaled, out);
            return out;
        } finally {
            scaled.release();
        }
    }
}
