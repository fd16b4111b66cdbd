package dev.rvm.batch;

import dev.rvm.conversion.options.SettingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The batch job as a Spark application, for {@code spark-submit --class dev.rvm.batch.BatchMain
 * rvm-batch.jar --input ... --output ...} (the same options as {@code ./rvm batch}; the master and
 * other Spark settings may also come from spark-submit).
 */
@Command(name = "rvm-batch", mixinStandardHelpOptions = true, resourceBundle = "dev.rvm.conversion.options.SettingOptions$Help",
        defaultValueProvider = SettingOptions.Defaults.class,
        description = "Matte many videos on Spark: every video of --input into --output/VIDEO/, long ones in pieces.")
public final class BatchMain implements Callable<Integer> {

    @Mixin
    BatchOptions options;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 all done, 1 a video failed or the run could not start, 2 bad options. */
    public static int run(String... args) {
        return new CommandLine(new BatchMain()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("rvm-batch: " + (e.getMessage() == null ? e : e.getMessage()));
            return 1;
        }).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        return new BatchRunner(options.request(spec.commandLine().getParseResult()), System.out).run();
    }
}
