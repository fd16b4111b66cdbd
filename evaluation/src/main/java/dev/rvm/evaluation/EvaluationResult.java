package dev.rvm.evaluation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Scores of every clip, in discovery order (datasets and clips sorted by name). */
public record EvaluationResult(Set<Metric> metrics, List<ClipScores> clips) {
    public EvaluationResult {
        clips = List.copyOf(clips);
    }

    public List<String> datasets() {
        Set<String> names = new LinkedHashSet<>();
        clips.forEach(c -> names.add(c.clip().dataset()));
        return List.copyOf(names);
    }

    public List<ClipScores> clipsOf(String dataset) {
        return clips.stream().filter(c -> c.clip().dataset().equals(dataset)).toList();
    }

    /** Mean of the clip means (every clip weighs the same, whatever its length), as upstream's sheets. */
    public double datasetMean(String dataset, Metric metric) {
        return clipsOf(dataset).stream().mapToDouble(c -> c.mean(metric))
                .filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    public int datasetFrames(String dataset) {
        return clipsOf(dataset).stream().mapToInt(ClipScores::frames).sum();
    }
}
