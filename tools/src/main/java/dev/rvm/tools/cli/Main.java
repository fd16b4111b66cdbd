package dev.rvm.tools.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./rvm}: one subcommand per user task. */
@Command(name = "rvm", mixinStandardHelpOptions = true, version = "rvm-matting 0.1.0",
        description = "Robust Video Matting for Java media pipelines.",
        footer = {"", "Set-up and tests: ./rvm setup (apt packages, Maven build, model and sample; any command does the "
                + "missing parts itself), ./rvm test (every test). Help never installs or builds anything."},
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
                TrainCommand.class,
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
