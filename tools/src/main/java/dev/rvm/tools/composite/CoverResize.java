package dev.rvm.tools.composite;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Scales an image to cover a frame size and crops the centre: nothing is stretched and no border
 * is left, as upstream does with backgrounds of another aspect ratio.
 */
public final class CoverResize {
    private CoverResize() {
    }

    /** Returns a new Mat of exactly {@code size} (the caller owns it); a same-size input is copied. */
    public static Mat apply(Mat image, FrameSize size) {
        if (image.cols() == size.width() && image.rows() == size.height()) {
            return image.clone();
        }
        double scale = Math.max((double) size.width() / image.cols(), (double) size.height() / image.rows());
        int width = Math.max(size.width(), (int) Math.round(image.cols() * scale));
        int height = Math.max(size.height(), (int) Math.round(image.rows() * scale));
        // INTER_AREA averages when shrinking (no aliasing); it degrades to bilinear-like when enlarging.
        int interpolation = scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
        Mat scaled = new Mat();
        try {
            Imgproc.resize(image, scaled, new Size(width, height), 0, 0, interpolation);
            Rect centre = new Rect((width - size.width()) / 2, (height - size.height()) / 2, size.width(), size.height());
            Mat view = scaled.submat(centre);
            try {
                return view.clone();
            } finally {
                view.release();
            }
        } finally {
            scaled.release();
        }
    }
}
