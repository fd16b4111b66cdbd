package dev.rvm.evaluation;

/**
 * The per-pixel error metrics of the RVM evaluation (MAD, MSE, dtSSD, and MAD/MSE restricted to the
 * true foreground). Sums run in double; upstream sums in float32, which differs only in the last
 * digits of the reported numbers.
 */
public final class PixelErrors {
    private PixelErrors() {
    }

    /** mean |p - t| x 1e3. */
    public static double mad(FloatImage pred, FloatImage truth) {
        float[] p = pred.values();
        float[] t = truth.values();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += Math.abs(p[i] - t[i]);
        }
        return sum / p.length * 1e3;
    }

    /** mean (p - t)^2 x 1e3. */
    public static double mse(FloatImage pred, FloatImage truth) {
        float[] p = pred.values();
        float[] t = truth.values();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - t[i];
            sum += d * d;
        }
        return sum / p.length * 1e3;
    }

    /**
     * sqrt(sum(((p_t - p_t-1) - (t_t - t_t-1))^2) / pixels) x 1e2: how much the prediction flickers
     * beyond the ground truth's own change between two frames.
     */
    public static double dtssd(FloatImage pred, FloatImage predPrevious, FloatImage truth, FloatImage truthPrevious) {
        float[] p = pred.values();
        float[] pp = predPrevious.values();
        float[] t = truth.values();
        float[] tp = truthPrevious.values();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = (p[i] - pp[i]) - (t[i] - tp[i]);
            sum += d * d;
        }
        return Math.sqrt(sum / t.length) * 1e2;
    }

    /**
     * MAD of a colour image over the pixels where the true alpha is above 0, all channels counted
     * (upstream: {@code mad(pred_fgr[true_pha > 0], true_fgr[true_pha > 0])}). NaN when the true
     * alpha is 0 everywhere, as upstream's mean of nothing.
     */
    public static double maskedMad(FloatImage pred, FloatImage truth, FloatImage trueAlpha) {
        return masked(pred, truth, trueAlpha, false);
    }

    /** MSE counterpart of {@link #maskedMad}. */
    public static double maskedMse(FloatImage pred, FloatImage truth, FloatImage trueAlpha) {
        return masked(pred, truth, trueAlpha, true);
    }

    private static double masked(FloatImage pred, FloatImage truth, FloatImage trueAlpha, boolean squared) {
        float[] p = pred.values();
        float[] t = truth.values();
        float[] a = trueAlpha.values();
        int channels = truth.channels();
        double sum = 0;
        long count = 0;
        for (int pixel = 0; pixel < a.length; pixel++) {
            if (a[pixel] > 0) {
                int base = pixel * channels;
                for (int c = 0; c < channels; c++) {
                    double d = p[base + c] - t[base + c];
                    sum += squared ? d * d : Math.abs(d);
                }
                count += channels;
            }
        }
        return count == 0 ? Double.NaN : sum / count * 1e3;
    }
}
