package dev.rvm.evaluation;

import dev.rvm.matting.compositing.OpenCvLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/** Writes real 8-bit PNG files for the tests (OpenCV's encoder, as users' tools would). */
public final class TestImages {
    private TestImages() {
    }

    /** A grey PNG of width x height, values row-major 0..255. */
    public static Path writeGray(Path file, int width, int height, int... values) throws IOException {
        return write(file, width, height, CvType.CV_8UC1, values);
    }

    /** A grey PNG of one value everywhere. */
    public static Path writeFlat(Path file, int width, int height, int value) throws IOException {
        int[] values = new int[width * height];
        java.util.Arrays.fill(values, value);
        return writeGray(file, width, height, values);
    }

    /** A BGR PNG, values interleaved row-major. */
    public static Path writeColor(Path file, int width, int height, int... values) throws IOException {
        return write(file, width, height, CvType.CV_8UC3, values);
    }

    private static Path write(Path file, int width, int height, int type, int[] values) throws IOException {
        OpenCvLoader.ensureLoaded();
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        Mat mat = new Mat(height, width, type);
        try {
            mat.put(0, 0, bytes);
            if (!Imgcodecs.imwrite(file.toString(), mat)) {
                throw new IOException("cannot write " + file);
            }
        } finally {
            mat.release();
        }
        return file;
    }

    /** Values k/255 as the evaluation reads them. */
    public static FloatImage alpha(int width, int height, int... eightBit) {
        float[] values = new float[eightBit.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = eightBit[i] / 255f;
        }
        return FloatImage.alpha(width, height, values);
    }
}
