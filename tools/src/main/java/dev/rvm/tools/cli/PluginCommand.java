package dev.rvm.tools.cli;

import dev.rvm.models.AtomicFiles;

import dev.rvm.gst.GstRuntime;
import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ./rvm plugin install|path}: make rvmmatte usable from gst-launch-1.0 and other C programs. */
@Command(name = "plugin", mixinStandardHelpOptions = true,
        description = "Install the rvmmatte GStreamer plugin (native loader) for gst-launch-1.0, or print its directory.",
        subcommands = {PluginCommand.Install.class, PluginCommand.PathOf.class})
final class PluginCommand {

    static Path builtLoader() {
        Path loader = GstRuntime.nativeLoader();
        if (!Files.isRegularFile(loader)) {
            throw new IllegalStateException("the native loader " + loader + " was not built; it needs gcc and "
                    + "libgstreamer1.0-dev (run ./rvm again to install them and rebuild)");
        }
        return loader;
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Copy the loader to ~/.local/share/gstreamer-1.0/plugins (GStreamer's per-user plugin directory).")
    static final class Install implements Runnable {
        @Override
        public void run() {
            Path loader = builtLoader();
            Path dir = Path.of(System.getProperty("user.home"), ".local", "share", "gstreamer-1.0", "plugins");
            try {
                Files.createDirectories(dir);
                Path target = dir.resolve(loader.getFileName());
                AtomicFiles.write(target, tmp -> Files.copy(loader, tmp));
                System.out.println(target);
                System.err.println("installed; try: gst-inspect-1.0 rvmmatte");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot install into " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "path", mixinStandardHelpOptions = true,
            description = "Print the directory holding the loader, for GST_PLUGIN_PATH.")
    static final class PathOf implements Runnable {
        @Override
        public void run() {
            System.out.println(builtLoader().getParent());
        }
    }
}
