package dev.rvm.matting.compositing;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Scales a picture to cover a frame (aspect kept, centre cropped: nothing stretched, no border),
 * as upstream does with backgrounds of another aspect ratio. An instance reuses its Mats.
 */
public final class CoverScaler implements AutoCloseable {

    private final Mat scaled = new Mat();
    private final Mat cropped = new Mat();

    void cover(Mat rgb, byte[] out, int w, int h) {
        if (rgb.cols() == w && rgb.rows() == h) {
            rgb.get(0, 0, out);
            return;
        }
        cover(rgb, w, h, scaled, cropped);
        cropped.get(0, 0, out);
    }

    /**
     * Writes {@code image} scaled to cover w x h into {@code dst} (any channel count), using
     * {@code scratch} for the scaled picture before the centre crop.
     */
    public static void cover(Mat image, int w, int h, Mat scratch, Mat dst) {
        if (image.cols() == w && image.rows() == h) {
            image.copyTo(dst);
            return;
        }
        double scale = Math.max((double) w / image.cols(), (double) h / image.rows());
        int rw = Math.max(w, (int) Math.round(image.cols() * scale));
        int rh = Math.max(h, (int) Math.round(image.rows() * scale));
        // INTER_AREA averages when shrinking by 2 or more (no aliasing); above that bilinear barely aliases
        // and costs a fraction (a 1080p video background per 720p frame: 1.7 ms instead of 12.6)
        Imgproc.resize(image, scratch, new Size(rw, rh), 0, 0, scale <= 0.5 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        Mat window = scratch.submat(new Rect((rw - w) / 2, (rh - h) / 2, w, h));
        try {
            window.copyTo(dst);
        } finally {
            window.release();
        }
    }

    @Override
    public void close() {
        scaled.release();
        cropped.release();
    }
}
