package dev.rvm.gst.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stock GStreamer command-line tools (gst-launch-1.0, gst-inspect-1.0, ges-launch-1.0) over the built
 * libgstrvmmatte.so: GST_PLUGIN_PATH at the build output, a private registry, segtrap on, no LD_PRELOAD.
 */
final class GstTools {
    static final Path LOADER_DIR = Path.of("target", "native").toAbsolutePath();

    private GstTools() {
    }

    record Result(int exit, String output) {}

    static Result run(Path registry, Map<String, String> env, String... command) throws Exception {
        assertTrue(Files.isRegularFile(LOADER_DIR.resolve("libgstrvmmatte.so")), "loader not built");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("LD_PRELOAD");
        pb.environment().put("GST_PLUGIN_PATH", LOADER_DIR.toString());
        pb.environment().put("GST_REGISTRY", registry.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out));
    }
}
