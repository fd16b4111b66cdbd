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
        return run(registry, env, 180, command);
    }

    /** Runs the tool; one still running after {@code seconds} is killed and reported as a hang. */
    static Result run(Path registry, Map<String, String> env, int seconds, String... command) throws Exception {
        assertTrue(Files.isRegularFile(LOADER_DIR.resolve("libgstrvmmatte.so")), "loader not built");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("LD_PRELOAD");
        pb.environment().put("GST_PLUGIN_PATH", LOADER_DIR.toString());
        pb.environment().put("GST_REGISTRY", registry.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (java.io.IOException e) {
                return new byte[0];
            }
        });
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("timed out after " + seconds + " s (hang?): " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out.get(10, TimeUnit.SECONDS)));
    }
}
