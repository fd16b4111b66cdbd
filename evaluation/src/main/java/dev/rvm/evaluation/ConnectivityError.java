package dev.rvm.evaluation;

import java.util.Arrays;

/**
 * Connectivity error of the RVM evaluation (Rhemann et al.'s measure as upstream codes it).
 *
 * <p>Our reading of upstream's {@code MetricCONN}, which this class follows step by step:
 * <ol>
 *   <li>Thresholds {@code th_i = i * 0.1}, i = 0..10 (numpy's {@code arange(0, 1.1, 0.1)}, so
 *       0.30000000000000004 and friends; pixel values are float32 compared in double, which is what
 *       numpy does for a float32 array against a float64 scalar).</li>
 *   <li>For i = 1..10: omega = the largest 4-connected component of {@code (t >= th_i) & (p >= th_i)}
 *       (ties: the component met first in raster order, as argmax over raster-ordered labels).
 *       Every pixel that has no level yet and is not in omega gets level {@code th_(i-1)}: the last
 *       threshold at which it was still in the largest component. Pixels that keep their place up to
 *       and including 1.0 get level 1.</li>
 *   <li>{@code d = x - level}, {@code phi = 1 - d * (d >= 0.15)} for x = t and x = p (float32, as
 *       upstream), and the error is {@code sum |phi_t - phi_p| / 1000}.</li>
 * </ol>
 * Threshold 0 itself never drops a pixel (everything is >= 0 and forms one component), so starting
 * the loop at 0.1 is the same as starting at 0.
 *
 * <p>Keeps its scratch buffers between frames: one instance per worker thread.
 */
public final class ConnectivityError {
    private static final int STEPS = 10;
    private static final float UNSET = -1f;
    private static final float SIGNIFICANT = 0.15f;

    private float[] level = new float[0];
    private int[] label = new int[0];
    private int[] queue = new int[0];

    public double compute(FloatImage pred, FloatImage truth) {
        int width = truth.width();
        int height = truth.height();
        int n = width * height;
        if (level.length != n) {
            level = new float[n];
            label = new int[n];
            queue = new int[n];
        }
        float[] p = pred.values();
        float[] t = truth.values();
        Arrays.fill(level, UNSET);
        for (int i = 1; i <= STEPS; i++) {
            double threshold = i * 0.1;
            float previousThreshold = (float) ((i - 1) * 0.1);
            int largest = labelLargestComponent(p, t, threshold, width, height);
            for (int px = 0; px < n; px++) {
                if (level[px] == UNSET && label[px] != largest) {
                    level[px] = previousThreshold;
                }
            }
        }
        double error = 0;
        for (int px = 0; px < n; px++) {
            float l = level[px] == UNSET ? 1f : level[px];
            error += Math.abs(phi(t[px], l) - phi(p[px], l));
        }
        return error / 1000;
    }

    private static float phi(float value, float level) {
        float d = value - level;
        return d >= SIGNIFICANT ? 1f - d : 1f;
    }

    /**
     * Labels the 4-connected components of {@code (t >= th) & (p >= th)} in raster order into
     * {@link #label} (0 = outside) and returns the label of the largest one, or -1 when there is none.
     */
    private int labelLargestComponent(float[] p, float[] t, double threshold, int width, int height) {
        Arrays.fill(label, 0);
        int next = 0;
        int largest = -1;
        int largestSize = 0;
        for (int start = 0; start < label.length; start++) {
            if (label[start] != 0 || !(t[start] >= threshold && p[start] >= threshold)) {
                continue;
            }
            int id = ++next;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = id;
            while (head < tail) {
                int px = queue[head++];
                int x = px % width;
                int y = px / width;
                if (x > 0) {
                    tail = visit(px - 1, id, p, t, threshold, tail);
                }
                if (x + 1 < width) {
                    tail = visit(px + 1, id, p, t, threshold, tail);
                }
                if (y > 0) {
                    tail = visit(px - width, id, p, t, threshold, tail);
                }
                if (y + 1 < height) {
                    tail = visit(px + width, id, p, t, threshold, tail);
                }
            }
            if (tail > largestSize) {
                largestSize = tail;
                largest = id;
            }
        }
        return largest;
    }

    private int visit(int px, int id, float[] p, float[] t, double threshold, int tail) {
        if (label[px] == 0 && t[px] >= threshold && p[px] >= threshold) {
            label[px] = id;
            queue[tail++] = px;
        }
        return tail;
    }
}
