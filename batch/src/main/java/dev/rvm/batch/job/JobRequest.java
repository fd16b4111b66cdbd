package dev.rvm.batch.job;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;

import java.nio.file.Path;
import java.util.Map;

/**
 * A batch run as asked for on the command line (driver side only).
 *
 * @param master      a Spark master URL, or null for what spark-submit set (else {@code local[*]})
 * @param secretFile  file holding the cluster's {@code spark.authenticate} secret, or null
 * @param conf        extra Spark settings ({@code --conf KEY=VALUE}), applied last
 */
public record JobRequest(Path input, Path output, String master, double chunkSeconds, double warmupSeconds,
                         OutputNames outputs, MattingSettings matting, Background background, Path secretFile,
                         Map<String, String> conf) {
}
