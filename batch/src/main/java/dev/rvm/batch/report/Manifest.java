package dev.rvm.batch.report;

import java.util.List;
import java.util.Map;

/**
 * {@code OUT/manifest.json}: what the last run of a job did, per video (rewritten by every run).
 *
 * @param sessionsByExecutor ONNX Runtime sessions each executor JVM had opened by its last piece
 */
public record Manifest(String jobId, String master, String finished, double wallSeconds, double startupSeconds,
                       Map<String, Object> settings, List<VideoOutcome> videos, Map<String, Integer> sessionsByExecutor) {
}
