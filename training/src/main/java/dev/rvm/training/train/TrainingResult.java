package dev.rvm.training.train;

import dev.rvm.evaluation.Metric;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a run produced: steps done, the validation before and after (null without a validation
 * set), the mean wall time per step, the peak resident memory, and the files written.
 */
public record TrainingResult(long steps, Map<Metric, Double> firstValidation, Map<Metric, Double> lastValidation,
                             double secondsPerStep, long peakResidentBytes, Path output, Path lossesCsv,
                             Path validationCsv, Path report, Path lastCheckpoint) {
}
