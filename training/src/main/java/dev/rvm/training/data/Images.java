package dev.rvm.training.data;

import dev.rvm.matting.compositing.OpenCvLoader;
import dev.rvm.matting.files.InvalidInputException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Path;

/**
 * Reads dataset images as the training code wants them: float RGB ({@code CV_32FC3}) or one channel
 * ({@code CV_32FC1}) in [0, 1], shrunk on load when the shorter side is longer than the training
 * size (upstream's {@code _downsample_if_needed}), so large datasets cost no more than needed.
 */
public final class Images {
    private Images() {
    }

    public static Mat rgb(Path file, int maxShortSide) {
        Mat bgr = decode(file, Imgcodecs.IMREAD_COLOR);
        Mat rgb = new Mat();
        Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
        bgr.release();
        return toFloat(shrink(rgb, maxShortSide, false));
    }

    /** Grey (alpha, masks); colour files are converted like PIL's {@code convert('L')}. */
    public static Mat grey(Path file, int maxShortSide, boolean nearest) {
        return toFloat(shrink(decode(file, Imgcodecs.IMREAD_GRAYSCALE), maxShortSide, nearest));
    }

    private static Mat decode(Path file, int flags) {
        OpenCvLoader.ensureLoaded();
        Mat m = Imgcodecs.imread(file.toString(), flags);
        if (m.empty()) {
            throw new InvalidInputException("cannot decode image " + file + " (expected an 8-bit PNG or JPEG)");
        }
        return m;
    }

    /** Shrinks so that the shorter side is {@code maxShortSide} when it is longer; releases the input when it does. */
    public static Mat shrink(Mat m, int maxShortSide, boolean nearest) {
        int shortSide = Math.min(m.cols(), m.rows());
        if (maxShortSide <= 0 || shortSide <= maxShortSide) {
            return m;
        }
        double scale = (double) maxShortSide / shortSide;
        Mat out = new Mat();
        Imgproc.resize(m, out, new Size((int) (scale * m.cols()), (int) (scale * m.rows())), 0, 0,
                nearest ? Imgproc.INTER_NEAREST : Imgproc.INTER_AREA);
        m.release();
        return out;
    }

    /** A still as a sequence: the image itself, then copies (each frame is augmented on its own). */
    public static java.util.List<Mat> repeat(Mat still, int frames) {
        java.util.List<Mat> out = new java.util.ArrayList<>(frames);
        for (int t = 0; t < frames; t++) {
            out.add(t == 0 ? still : still.clone());
        }
        return out;
    }

    private static Mat toFloat(Mat bytes) {
        Mat f = new Mat();
        bytes.convertTo(f, bytes.channels() == 3 ? CvType.CV_32FC3 : CvType.CV_32FC1, 1 / 255.0);
        bytes.release();
        return f;
    }
}
