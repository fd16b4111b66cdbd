package dev.rvm.samples;

import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.media.SampleMedia;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.message.MessageType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        runToEos("videotestsrc num-buffers=30 pattern=blue ! video/x-raw,width=320,height=240,framerate=30/1"
                + " ! videoconvert ! x264enc ! mp4mux ! filesink location=" + background);
        Path out = dir.resolve("over.mp4");
        String pipeline = scriptPipeline(Path.of("file-over-video-background.sh"))
                .replace("${OUTPUT}", out.toString())
                .replace("${BACKGROUND}", background.toString())
                .replace("${INPUT}", SampleMedia.talkingHead().toString())
                .replace("${FRAMES}", "30");
        runToEos(pipeline);
        assertTrue(Files.size(out) > 10_000, "composite written: " + Files.size(out) + " bytes");

        // H.264 High 4:2:0 straight from rvmmatte, and the wall behind the person is the blue background
        Pipeline decode = (Pipeline) Gst.parseLaunch("filesrc location=" + out + " ! qtdemux ! h264parse name=p"
                + " ! avdec_h264 ! videoconvert ! video/x-raw,format=RGB ! appsink name=s sync=false");
        try {
            decode.play();
            Sample frame = ((AppSink) decode.getElementByName("s")).pullSample();
            Structure h264 = decode.getElementByName("p").getStaticPad("src").getCurrentCaps().getStructure(0);
            assertEquals("high", h264.getString("profile"));
            assertEquals("4:2:0", h264.getString("chroma-format"));
            ByteBuffer rgb = frame.getBuffer().map(false);
            int wall = 20 * 1200 + 380 * 3; // (380, 20) of the 400x300 talking head
            int r = rgb.get(wall) & 0xFF;
            int g = rgb.get(wall + 1) & 0xFF;
            int b = rgb.get(wall + 2) & 0xFF;
            frame.getBuffer().unmap();
            frame.dispose();
            assertTrue(b > 180 && r < 60 && g < 60, "blue behind the person, got " + r + "," + g + "," + b);
        } finally {
            decode.setState(State.NULL);
            decode.dispose();
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

    /** The PIPELINE="..." line of a sample script, with its ${VARIABLES} still in. */
    static String scriptPipeline(Path script) throws Exception {
        Matcher m = Pattern.compile("(?m)^PIPELINE=\"(.*)\"$").matcher(Files.readString(script));
        assertTrue(m.find(), "no PIPELINE line in " + script);
        return m.group(1);
    }

    private static void runToEos(String description) throws InterruptedException {
        Pipeline p = (Pipeline) Gst.parseLaunch(description);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> error = new AtomicReference<>();
        p.getBus().connect((Bus.MESSAGE) (b, m) -> {
            if (m.getType() == MessageType.ERROR) {
                error.set(String.valueOf(dev.rvm.gst.BusErrors.parse(m)));
                done.countDown();
            } else if (m.getType() == MessageType.EOS) {
                done.countDown();
            }
        });
        p.play();
        try {
            assertTrue(done.await(240, TimeUnit.SECONDS), "no EOS: " + description);
        } finally {
            p.setState(State.NULL);
            p.dispose();
        }
        assertNull(error.get());
    }
}
