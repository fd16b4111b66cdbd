package dev.rvm.evaluation;

import dev.rvm.matting.compositing.OpenCvLoader;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;

/**
 * Gradient error of the RVM evaluation: both alphas are min-max normalised to [0, 1] (so a
 * prediction that is right up to contrast scores 0), filtered with a Gaussian first-derivative
 * kernel (sigma 1.4) in x and y with replicated borders, and the squared difference of the
 * gradient magnitudes is summed over all pixels and divided by 1000.
 *
 * <p>Holds OpenCV buffers, so one instance per worker thread; close it when done.
 */
public final class GradientError implements AutoCloseable {
    public static final double SIGMA = 1.4;
    private static final double EPSILON = 1e-2;

    static {
        OpenCvLoader.ensureLoaded(); // before the Mat fields below are initialised
    }

    private final Mat kernelX;
    private final Mat kernelY;
    private final Mat input = new Mat();
    private final Mat normalised = new Mat();
    private final Mat gx = new Mat();
    private final Mat gy = new Mat();
    private final Mat magnitude = new Mat();
    private float[] trueMagnitude = new float[0];
    private float[] predMagnitude = new float[0];

    public GradientError() {
        double[][] k = kernelX(SIGMA);
        kernelX = new Mat(k.length, k.length, CvType.CV_64F);
        kernelY = new Mat(k.length, k.length, CvType.CV_64F);
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j < k.length; j++) {
                kernelX.put(i, j, k[i][j]);
                kernelY.put(j, i, k[i][j]);
            }
        }
    }

    /** sum((|grad t| - |grad p|)^2) / 1000 over min-max normalised alphas. */
    public double compute(FloatImage pred, FloatImage truth) {
        int n = truth.pixels();
        if (trueMagnitude.length != n) {
            trueMagnitude = new float[n];
            predMagnitude = new float[n];
        }
        gradientMagnitude(truth, trueMagnitude);
        gradientMagnitude(pred, predMagnitude);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = trueMagnitude[i] - predMagnitude[i];
            sum += d * d;
        }
        return sum / 1000;
    }

    private void gradientMagnitude(FloatImage image, float[] out) {
        input.create(image.height(), image.width(), CvType.CV_32F);
        input.put(0, 0, image.values());
        // Same call as upstream's cv2.normalize(x, out, 1., 0., NORM_MINMAX): a constant image becomes 0.
        Core.normalize(input, normalised, 1.0, 0.0, Core.NORM_MINMAX);
        Imgproc.filter2D(normalised, gx, -1, kernelX, new Point(-1, -1), 0, Core.BORDER_REPLICATE);
        Imgproc.filter2D(normalised, gy, -1, kernelY, new Point(-1, -1), 0, Core.BORDER_REPLICATE);
        Core.magnitude(gx, gy, magnitude);
        magnitude.get(0, 0, out);
    }

    /**
     * The x kernel: {@code k[i][j] = g(i - half) * g'(j - half)} scaled to unit L2 norm, with
     * {@code half = ceil(sigma * sqrt(-2 ln(sqrt(2 pi) * sigma * 0.01)))} (9x9 for sigma 1.4).
     * The y kernel is its transpose.
     */
    public static double[][] kernelX(double sigma) {
        int half = (int) Math.ceil(sigma * Math.sqrt(-2 * Math.log(Math.sqrt(2 * Math.PI) * sigma * EPSILON)));
        int size = 2 * half + 1;
        double[][] k = new double[size][size];
        double squares = 0;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                k[i][j] = gaussian(i - half, sigma) * gaussianDerivative(j - half, sigma);
                squares += k[i][j] * k[i][j];
            }
        }
        double norm = Math.sqrt(squares);
        for (double[] row : k) {
            for (int j = 0; j < size; j++) {
                row[j] /= norm;
            }
        }
        return k;
    }

    static double gaussian(double x, double sigma) {
        return Math.exp(-x * x / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
    }

    static double gaussianDerivative(double x, double sigma) {
        return -x * gaussian(x, sigma) / (sigma * sigma);
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {kernelX, kernelY, input, normalised, gx, gy, magnitude}) {
            m.release();
        }
    }
}
