package dev.rvm.matting.compositing;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Scales a picture to cover a frame (aspect kept, centre cropped), reusing its Mats. */
final class CoverScaler implements AutoCloseable {

    private final Mat source = new Mat();
    private final Mat scaled = new Mat();
    private final Mat cropped = new Mat();

    /** rgb of size sw x sh (packed, 3 bytes per pixel) to out of size w x h. */
    void cover(byte[] rgb, int sw, int sh, byte[] out, int w, int h) {
        source.create(sh, sw, CvType.CV_8UC3);
        source.put(0, 0, rgb, 0, sw * sh * 3);
        cover(source, out, w, h);
    }

    void cover(Mat rgb, byte[] out, int w, int h) {
        int sw = rgb.cols();
        int sh = rgb.rows();
        if (sw == w && sh == h) {
            rgb.get(0, 0, out);
            return;
        }
        double scale = Math.max((double) w / sw, (double) h / sh);
        int rw = Math.max(w, (int) Math.round(sw * scale));
        int rh = Math.max(h, (int) Math.round(sh * scale));
        Imgproc.resize(rgb, scaled, new Size(rw, rh), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        Mat window = scaled.submat(new Rect((rw - w) / 2, (rh - h) / 2, w, h));
        try {
            window.copyTo(cropped);
        } finally {
            window.release();
        }
        cropped.get(0, 0, out);
    }

    @Override
    public void close() {
        source.release();
        scaled.release();
        cropped.release();
    }
}
