package dev.rvm.gst.loader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built libgstrvmmatte.so from stock gst-inspect-1.0 / gst-launch-1.0 (segtrap on, no LD_PRELOAD). */
class NativeLoaderTest {
    private static final Path LOADER_DIR = Path.of("target", "native").toAbsolutePath();

    record Result(int exit, String output) {}

    private static Result run(Path registry, Map<String, String> env, String... command) throws Exception {
        assertTrue(Files.isRegularFile(LOADER_DIR.resolve("libgstrvmmatte.so")), "loader not built");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("LD_PRELOAD");
        pb.environment().put("GST_PLUGIN_PATH", LOADER_DIR.toString());
        pb.environment().put("GST_REGISTRY", registry.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(p.exitValue(), out);
    }

    @Test
    void inspectListsPadsAndPropertiesWithoutStartingAJvm(@TempDir Path dir) throws Exception {
        Result r = run(dir.resolve("registry.bin"), Map.of("GST_DEBUG", "rvmmatte-loader:5"),
                "gst-inspect-1.0", "rvmmatte");
        assertEquals(0, r.exit(), r.output());
        for (String expected : List.of("SRC template: 'alpha'", "SRC template: 'fgr'", "SINK template: 'sink'",
                "downsample-ratio", "seq-chunk", "background-color", "Enum \"RvmMatteBackground\"", "reset")) {
            assertTrue(r.output().contains(expected), "missing " + expected + " in:\n" + r.output());
        }
        assertFalse(r.output().contains("JVM"), "gst-inspect must not start a JVM:\n" + r.output());
    }

    @Test
    void launchRunsThePlainThreeSinkLineToEos(@TempDir Path dir) throws Exception {
        Result r = run(dir.resolve("registry.bin"), Map.of(), "gst-launch-1.0",
                "videotestsrc", "num-buffers=15", "!", "video/x-raw,width=160,height=120", "!", "videoconvert", "!",
                "rvmmatte", "name=m", "downsample-ratio=0.5", "m.src", "!", "fakesink",
                "m.alpha", "!", "fakesink", "m.fgr", "!", "fakesink");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Got EOS"), r.output());
    }

    @Test
    void wrongClassPathIsAnElementErrorAndThePluginStaysUsable(@TempDir Path dir) throws Exception {
        Path registry = dir.resolve("registry.bin");
        Result bad = run(registry, Map.of("RVM_CLASSPATH", "/nonexistent"), "gst-launch-1.0",
                "videotestsrc", "num-buffers=2", "!", "videoconvert", "!", "rvmmatte", "!", "fakesink");
        assertTrue(bad.exit() != 0, bad.output());
        assertTrue(bad.output().contains("rvmmatte could not start its Java element")
                && bad.output().contains("RVM_CLASSPATH"), bad.output());
        Result inspect = run(registry, Map.of(), "gst-inspect-1.0", "rvmmatte");
        assertEquals(0, inspect.exit(), "not blacklisted:\n" + inspect.output());
    }

    @Test
    void missingModelIsAnElementError(@TempDir Path dir) throws Exception {
        Result r = run(dir.resolve("registry.bin"), Map.of(), "gst-launch-1.0",
                "videotestsrc", "num-buffers=2", "!", "videoconvert", "!", "rvmmatte", "model=/nonexistent/m.onnx",
                "!", "fakesink");
        assertTrue(r.exit() != 0, r.output());
        assertTrue(r.output().contains("/nonexistent/m.onnx"), r.output());
    }

}
