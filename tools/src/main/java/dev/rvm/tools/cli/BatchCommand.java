package dev.rvm.tools.cli;

import dev.rvm.batch.BatchOptions;
import dev.rvm.batch.BatchRunner;
import dev.rvm.conversion.options.SettingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ./rvm batch}: the batch module's Spark job, embedded by default ({@code local[*]}) or on a cluster. */
@Command(name = "batch", mixinStandardHelpOptions = true, resourceBundle = "dev.rvm.conversion.options.SettingOptions$Help",
        defaultValueProvider = SettingOptions.Defaults.class,
        description = {"Matte many videos with Apache Spark: every video of --input into --output/VIDEO/, long ones cut"
                + " into pieces matted in parallel (each after a warm-up) and joined again. Embedded by default; a cluster"
                + " with --master spark://HOST:PORT and --auth-secret-file (see docs/batch.md).",
                "A rerun resumes: complete videos are skipped and committed pieces kept. --threads N gives each task N"
                        + " cores (spark.task.cpus) and N ONNX Runtime threads; 0 = the measured default."})
final class BatchCommand implements Callable<Integer> {

    @Mixin
    BatchOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return new BatchRunner(options.request(spec.commandLine().getParseResult()), System.out).run();
    }
}
