package dev.rvm.samples;

import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.media.SampleMedia;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Structure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samples that need no hardware, run as documented on the real core and the sample video. */
class SamplesTest {

    @BeforeAll
    static void gst() {
        GstRuntime.start("samples-test");
        dev.rvm.gst.RvmMatteElement.register();
    }

    @Test
    void fileOverVideoBackgroundScriptWritesAComposite(@TempDir Path dir) throws Exception {
        Path background = dir.resolve("background.mp4");
        // 2 s of background: longer than the person frames, so the last one still has a background frame
        runToEos("videotestsrc num-buffers=60 pattern=blue ! video/x-raw,width=320,height=240,framerate=30/1"
                + " ! videoconvert ! x264enc ! mp4mux ! filesink location=" + background);
        Path out = dir.resolve("over.mp4");
        runToEos(SampleScript.pipeline("file-over-video-background.sh", Map.of(),
                SampleMedia.talkingHead().toString(), background.toString(), out.toString(), "30"));
        assertTrue(Files.size(out) > 10_000, "composite written: " + Files.size(out) + " bytes");

        // H.264 High 4:2:0 straight from rvmmatte, and the wall behind the person is the blue background
        try (RunningPipeline decode = new RunningPipeline("filesrc location=" + out + " ! qtdemux ! h264parse"
                + " ! avdec_h264 ! videoconvert ! " + DecodedFrames.SINK)) {
            DecodedFrames frames = new DecodedFrames(decode);
            decode.play();
            decode.assertEos(Duration.ofSeconds(60));
            // identity eos-after=30 lets through 30 frames plus the 0-3 the threaded H.264 decoder still
            // drains at EOS (it varies from run to run); each must be in the file, none invented
            assertTrue(frames.count() >= 30 && frames.count() <= 33, "decoded frames: " + frames.count());
            Structure h264 = decode.byFactory("h264parse").getStaticPad("src").getCurrentCaps().getStructure(0);
            assertEquals("high", h264.getString("profile"));
            assertEquals("4:2:0", h264.getString("chroma-format"));
            DecodedFrames.Frame last = frames.last();
            int wall = (20 * last.width() + 380) * 3; // (380, 20) of the 400x300 talking head
            int r = last.rgb()[wall] & 0xFF;
            int g = last.rgb()[wall + 1] & 0xFF;
            int b = last.rgb()[wall + 2] & 0xFF;
            assertTrue(b > 180 && r < 60 && g < 60, "blue behind the person, got " + r + "," + g + "," + b);
        }
    }

    @Test
    void javaSampleMeasuresAPersonInEveryFrame() {
        List<Double> coverage = PersonCoverage.measure(SampleMedia.talkingHead(), 8);
        assertTrue(coverage.size() >= 8, "frames: " + coverage.size());
        for (double c : coverage) {
            // the talking head fills a good part of the 400x300 picture, never all of it
            assertTrue(c > 0.1 && c < 0.9, "person share " + c);
        }
    }

    /**
     * No v4l2loopback here (no kernel modules): the virtual camera sample is parsed as gst-launch-1.0
     * parses it (gst_parse_launch: every element exists, properties and links are valid), not run.
     */
    @Test
    void virtualCameraSampleParses() {
        Pipeline p = (Pipeline) Gst.parseLaunch(SampleScript.pipeline("webcam-to-virtual-camera.sh", Map.of(),
                "/dev/video0", "/dev/video10"));
        try {
            List<String> factories = p.getElementsRecursive().stream().map(e -> e.getFactory().getName()).toList();
            assertTrue(factories.containsAll(List.of("v4l2src", "rvmmatte", "v4l2sink")), "elements: " + factories);
            Element sink = p.getElementsRecursive().stream()
                    .filter(e -> "v4l2sink".equals(e.getFactory().getName())).findFirst().orElseThrow();
            assertEquals("/dev/video10", sink.get("device"));
        } finally {
            p.dispose();
        }
    }

    private static void runToEos(String description) {
        try (RunningPipeline run = new RunningPipeline(description).play()) {
            run.assertEos(Duration.ofSeconds(240));
        }
    }
}
