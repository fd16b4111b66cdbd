package dev.rvm.batch;

import dev.rvm.batch.job.JobRequest;
import dev.rvm.batch.job.OutputNames;
import dev.rvm.conversion.options.MattingOptions;
import dev.rvm.conversion.options.PresetOverrides;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of a batch run, shared by {@code ./rvm batch} and the Spark job's own entry point
 * ({@link BatchMain}, for {@code spark-submit}). Every matting option of {@code ./rvm convert} is here
 * too; the output options name files inside each video's output directory.
 */
public final class BatchOptions {

    /** Chunk length when none is given: long enough that the warm-up costs little, short enough to spread one video. */
    public static final String DEFAULT_CHUNK_SECONDS = "60";
    /** Warm-up when none is given: measured on the sample clip (docs/batch.md, "How long a warm-up"). */
    public static final String DEFAULT_WARMUP_SECONDS = "6";

    @Option(names = "--input", required = true, paramLabel = "DIR|LIST",
            description = "A directory of videos (mp4, mov, mkv, webm, avi, ...), or a text file listing one video per line.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Where each video's outputs go (DIR/VIDEO/...), with DIR/manifest.json. On a cluster: a file system every executor sees.")
    Path output;

    @Option(names = "--master", paramLabel = "URL",
            description = "local[N] (embedded, the default: local[*]) or a cluster: spark://HOST:PORT, yarn, k8s://...")
    String master;

    @Option(names = "--chunk-seconds", defaultValue = DEFAULT_CHUNK_SECONDS, paramLabel = "S",
            description = "Long videos are matted in pieces of about S seconds, in parallel. Default: ${DEFAULT-VALUE}.")
    double chunkSeconds;

    @Option(names = "--warmup-seconds", defaultValue = DEFAULT_WARMUP_SECONDS, paramLabel = "W",
            description = "Each piece after the first is preceded by W seconds matted from zero memory and dropped, so it"
                    + " matches a run from the start. Default: ${DEFAULT-VALUE}.")
    double warmupSeconds;

    @Option(names = "--output-type", defaultValue = "png_sequence", paramLabel = "TYPE", description = "video or png_sequence.")
    String outputType;

    @Option(names = "--output-composition", paramLabel = "NAME", description = "Composition, as VIDEO/NAME (a file: com.mp4; or a PNG directory).")
    String composition;

    @Option(names = "--output-alpha", paramLabel = "NAME", description = "8-bit alpha mattes, as VIDEO/NAME.")
    String alpha;

    @Option(names = "--output-foreground", paramLabel = "NAME", description = "Predicted foreground, as VIDEO/NAME.")
    String foreground;

    @Option(names = "--auth-secret-file", paramLabel = "FILE",
            description = "Cluster runs: the file holding the cluster's spark.authenticate secret (or set RVM_SPARK_AUTH_SECRET)."
                    + " Never give the secret itself on the command line.")
    Path secretFile;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Any Spark setting, e.g. spark.executor.memory=8g (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    @Mixin
    MattingOptions matting;

    /** The run these options ask for. */
    public JobRequest request(ParseResult given) throws IOException {
        boolean png = "png_sequence".equals(outputType);
        if (!png && !"video".equals(outputType)) {
            throw new IllegalArgumentException("--output-type must be video or png_sequence, got " + outputType);
        }
        PresetOverrides resolved = matting.resolve(given, png);
        return new JobRequest(input, output, master, chunkSeconds, warmupSeconds,
                new OutputNames(composition, alpha, foreground, png, matting.videoMbps()), resolved.settings(),
                resolved.background(), secretFile, conf);
    }
}
