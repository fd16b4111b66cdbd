package dev.rvm.gst.loader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built libgstrvmmatte.so from stock gst-inspect-1.0 / gst-launch-1.0 (segtrap on, no LD_PRELOAD). */
class NativeLoaderTest {
    private static GstTools.Result run(Path registry, Map<String, String> env, String... command) throws Exception {
        return GstTools.run(registry, env, command);
    }

    @Test
    void inspectListsPadsAndPropertiesWithoutStartingAJvm(@TempDir Path dir) throws Exception {
        GstTools.Result r = run(dir.resolve("registry.bin"), Map.of("GST_DEBUG", "rvmmatte-loader:5"),
                "gst-inspect-1.0", "rvmmatte");
        assertEquals(0, r.exit(), r.output());
        for (String expected : List.of("SRC template: 'alpha'", "SRC template: 'fgr'", "SINK template: 'sink'",
                "SINK template: 'background'", "Availability: On request",
                "downsample-ratio", "seq-chunk", "background-color", "Enum \"RvmMatteBackground\"", "reset")) {
            assertTrue(r.output().contains(expected), "missing " + expected + " in:\n" + r.output());
        }
        assertFalse(r.output().contains("JVM"), "gst-inspect must not start a JVM:\n" + r.output());
    }

    @Test
    void launchRunsThePlainThreeSinkLineToEos(@TempDir Path dir) throws Exception {
        GstTools.Result r = run(dir.resolve("registry.bin"), Map.of(), "gst-launch-1.0",
                "videotestsrc", "num-buffers=15", "!", "video/x-raw,width=160,height=120", "!", "videoconvert", "!",
                "rvmmatte", "name=m", "downsample-ratio=0.5", "m.src", "!", "fakesink",
                "m.alpha", "!", "fakesink", "m.fgr", "!", "fakesink");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Got EOS"), r.output());
    }

    /** The acceptance line: no capsfilter, x264enc makes the opaque composite 4:2:0, so the stream is High. */
    @Test
    void opaqueCompositeIntoX264encIsHighProfile420(@TempDir Path dir) throws Exception {
        GstTools.Result r = run(dir.resolve("registry.bin"), Map.of(), "gst-launch-1.0", "-v",
                "videotestsrc", "num-buffers=10", "!", "video/x-raw,width=160,height=120", "!", "videoconvert", "!",
                "rvmmatte", "background=color", "downsample-ratio=0.5", "!", "x264enc", "!", "h264parse", "!",
                "mp4mux", "!", "filesink", "location=" + dir.resolve("out.mp4"));
        assertEquals(0, r.exit(), r.output());
        String parsed = r.output().lines().filter(l -> l.contains("h264parse0.GstPad:src: caps")).findFirst().orElse("");
        assertTrue(parsed.contains("profile=(string)high,") && parsed.contains("chroma-format=(string)4:2:0"),
                "H.264 High 4:2:0 expected:\n" + parsed);
        // rvmmatte's src as the pipeline sees it (the loader's ghost pad, or the proxy pad inside it), or its
        // peer's side of the same link: gst-launch -v does not always print every pad's line (full-suite runs
        // here lacked the inner pad's, the ghost pad's, and once both rvmmatte pads' beside x264enc's sink line)
        assertTrue(java.util.regex.Pattern.compile("(GstRvmMatteLoader:rvmmatteloader0\\.GstGhostPad:src(\\.GstProxyPad:proxypad\\d+)?"
                + "|GstRvmMatte:matte\\.GstPad:src|GstX264Enc:x264enc0\\.GstPad:sink): caps = video/x-raw, format=\\(string\\)I420")
                .matcher(r.output()).find(), r.output());
    }

    /** m.background is requested while gst-launch parses, before the JVM exists; audio cannot link to it. */
    @Test
    void backgroundPadFromGstLaunchAndNonVideoRefusedAtLink(@TempDir Path dir) throws Exception {
        GstTools.Result r = run(dir.resolve("registry.bin"), Map.of(), "gst-launch-1.0",
                "videotestsrc", "num-buffers=8", "!", "video/x-raw,width=64,height=48", "!", "videoconvert", "!",
                "rvmmatte", "name=m", "downsample-ratio=0.5", "!", "videoconvert", "!", "fakesink",
                "videotestsrc", "pattern=ball", "num-buffers=30", "!", "videoconvert", "!", "m.background");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Got EOS"), r.output());
        GstTools.Result audio = run(dir.resolve("registry.bin"), Map.of(), "gst-launch-1.0",
                "videotestsrc", "num-buffers=2", "!", "videoconvert", "!", "rvmmatte", "name=m", "!", "fakesink",
                "audiotestsrc", "num-buffers=2", "!", "m.background");
        assertEquals(1, audio.exit(), "an error exit, not a crash:\n" + audio.output());
        assertTrue(audio.output().contains("could not link audiotestsrc0 to m"), audio.output());
    }

    @Test
    void wrongClassPathIsAnElementErrorAndThePluginStaysUsable(@TempDir Path dir) throws Exception {
        Path registry = dir.resolve("registry.bin");
        GstTools.Result bad = run(registry, Map.of("RVM_CLASSPATH", "/nonexistent"), "gst-launch-1.0",
                "videotestsrc", "num-buffers=2", "!", "videoconvert", "!", "rvmmatte", "!", "fakesink");
        assertTrue(bad.exit() != 0, bad.output());
        assertTrue(bad.output().contains("rvmmatte could not start its Java element")
                && bad.output().contains("RVM_CLASSPATH"), bad.output());
        GstTools.Result inspect = run(registry, Map.of(), "gst-inspect-1.0", "rvmmatte");
        assertEquals(0, inspect.exit(), "not blacklisted:\n" + inspect.output());
    }

    @Test
    void missingModelIsAnElementError(@TempDir Path dir) throws Exception {
        GstTools.Result r = run(dir.resolve("registry.bin"), Map.of(), "gst-launch-1.0",
                "videotestsrc", "num-buffers=2", "!", "videoconvert", "!", "rvmmatte", "model=/nonexistent/m.onnx",
                "!", "fakesink");
        assertTrue(r.exit() != 0, r.output());
        assertTrue(r.output().contains("/nonexistent/m.onnx"), r.output());
    }

}
