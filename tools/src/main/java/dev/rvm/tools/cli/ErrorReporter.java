package dev.rvm.tools.cli;

import picocli.CommandLine;

/**
 * Turns a failure into one line on stderr and a non-zero exit code: users want the file and the
 * problem, not a stack trace. {@code RVM_DEBUG=1} prints the trace as well.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        String message = ex.getMessage() != null ? ex.getMessage() : ex.toString();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + message);
        if (System.getenv("RVM_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return EXIT_FAILURE;
    }
}
