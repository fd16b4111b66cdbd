package dev.rvm.tools.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./rvm}: one subcommand per user task. */
@Command(name = "rvm", mixinStandardHelpOptions = true, version = "rvm-matting 0.1.0",
        description = "Robust Video Matting for Java media pipelines.",
        subcommands = {
                ModelCommand.class,
                ConvertCommand.class,
                BatchCommand.class,
                SpeedtestCommand.class,
                EvaluateCommand.class,
                CompositeCommand.class,
                LaunchCommand.class,
                PluginCommand.class,
                DemoCommand.class,
                BenchmarkSetCommand.class,
                PanelCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorReporter())
                .execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
