package dev.rvm.training.train;

import dev.rvm.evaluation.Metric;

import java.util.Map;

/** What a running training tells its caller (the command line draws a progress bar from it). */
public interface TrainingListener {
    /** Before the first step: {@code firstStep} is not 0 when resuming. */
    default void started(long firstStep, long totalSteps, long stepsPerEpoch) {
    }

    /** After each step: the losses of its passes by name, and the wall time it took. */
    default void step(long step, long totalSteps, Map<String, Double> losses, double seconds) {
    }

    default void validated(long step, Map<Metric, Double> scores) {
    }

    default void message(String line) {
    }
}
