package dev.rvm.tools.cli;

import picocli.CommandLine.Command;

/** {@code ./rvm model fetch|export|info}. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Fetch, convert and inspect the RVM model.")
final class ModelCommand {
}
