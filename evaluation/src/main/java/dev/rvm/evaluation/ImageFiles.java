package dev.rvm.evaluation;

import dev.rvm.matting.compositing.OpenCvLoader;
import dev.rvm.matting.files.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/** Reads evaluation images the way upstream does: decoded to 8 bits, then value / 255 in float32. */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** One channel (colour images are converted to grey like cv2.IMREAD_GRAYSCALE). */
    public static FloatImage readAlpha(Path file) {
        return read(file, Imgcodecs.IMREAD_GRAYSCALE, 1);
    }

    /** Three channels, BGR. */
    public static FloatImage readColor(Path file) {
        return read(file, Imgcodecs.IMREAD_COLOR, 3);
    }

    private static FloatImage read(Path file, int flags, int channels) {
        OpenCvLoader.ensureLoaded();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("missing image " + file);
        }
        Mat mat = Imgcodecs.imread(file.toString(), flags);
        try {
            if (mat.empty()) {
                throw new InvalidInputException("cannot decode image " + file + " (expected an 8-bit PNG or JPEG)");
            }
            int width = mat.cols();
            int height = mat.rows();
            byte[] bytes = new byte[width * height * channels];
            mat.get(0, 0, bytes);
            float[] values = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                // Divide (not multiply by 1/255) so that values equal numpy's float32(k) / 255 bit for
                // bit: the connectivity thresholds compare against exactly these numbers.
                values[i] = (bytes[i] & 0xff) / 255f;
            }
            return new FloatImage(width, height, channels, values);
        } finally {
            mat.release();
        }
    }
}
