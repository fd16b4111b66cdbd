package dev.rvm.evaluation;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Per-frame values of each requested metric for one clip. Workers fill disjoint frame ranges, so
 * the arrays need no locking; read them only after the evaluation has finished.
 */
public final class ClipScores {
    private final Clip clip;
    private final Map<Metric, double[]> perFrame = new EnumMap<>(Metric.class);

    public ClipScores(Clip clip, Set<Metric> metrics) {
        this.clip = clip;
        for (Metric metric : metrics) {
            perFrame.put(metric, new double[clip.frames().size()]);
        }
    }

    public Clip clip() {
        return clip;
    }

    public int frames() {
        return clip.frames().size();
    }

    public boolean has(Metric metric) {
        return perFrame.containsKey(metric);
    }

    /** The values of one metric, one per frame (read-only by convention). */
    public double[] values(Metric metric) {
        double[] values = perFrame.get(metric);
        if (values == null) {
            throw new IllegalArgumentException(metric.columnName() + " was not evaluated");
        }
        return values;
    }

    void set(Metric metric, int frame, double value) {
        double[] values = perFrame.get(metric);
        if (values != null) {
            values[frame] = value;
        }
    }

    /**
     * Mean over frames. Frames whose value is NaN (foreground metrics of a frame without any true
     * foreground) are left out; NaN when nothing is left.
     */
    public double mean(Metric metric) {
        return Arrays.stream(values(metric)).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
