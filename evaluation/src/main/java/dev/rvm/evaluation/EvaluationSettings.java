package dev.rvm.evaluation;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What {@link Evaluator} compares, which metrics, and with how many threads. */
public record EvaluationSettings(Path predDir, Path trueDir, Set<Metric> metrics, int workers) {
    public EvaluationSettings {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metric requested");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        metrics = Collections.unmodifiableSet(EnumSet.copyOf(metrics));
    }

    public boolean needsForeground() {
        return metrics.stream().anyMatch(Metric::needsForeground);
    }
}
