package dev.rvm.gst.element;

import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.ClockTime;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.elements.AppSrc;
import org.freedesktop.gstreamer.event.SeekFlags;
import org.freedesktop.gstreamer.message.MessageType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeks, caps changes, odd sizes, bad caps, properties and messages through real pipelines. */
class RvmMatteStreamEventsTest {

    @BeforeAll
    static void gst() {
        GstTestSupport.initWithLuma(0);
    }

    @Test
    void flushingSeekMidStreamResetsStateAndRestartsAtTheTarget() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=90 ! video/x-raw,format=RGB,width=32,height=24,framerate=30/1"
                + " ! rvmmatte name=m m.src ! appsink name=c sync=false max-buffers=2 m.alpha ! appsink name=a sync=false max-buffers=2")) {
            AppSink a = (AppSink) run.pipeline.getElementByName("a");
            AppSink c = (AppSink) run.pipeline.getElementByName("c");
            run.play();
            for (int i = 0; i < 5; i++) {
                pullBoth(a, c);
            }
            int resetsBefore = LumaMattingStream.RESETS.get();
            assertTrue(run.pipeline.seekSimple(Format.TIME, EnumSet.of(SeekFlags.FLUSH, SeekFlags.ACCURATE),
                    TimeUnit.SECONDS.toNanos(2)), "seek refused");
            long first = -1;
            int after = 0;
            Sample s;
            while ((s = a.pullSample()) != null) {
                long pts = s.getBuffer().getPresentationTimestamp();
                s.dispose();
                if (pts >= TimeUnit.SECONDS.toNanos(2) && first < 0) {
                    first = pts;
                }
                if (first >= 0) {
                    after++;
                }
                Sample cs = c.pullSample();
                if (cs != null) {
                    cs.dispose();
                }
            }
            run.assertEos(20);
            assertEquals(TimeUnit.SECONDS.toNanos(2), first, "first frame after the seek");
            assertTrue(after > 10, "frames after the seek: " + after);
            assertTrue(LumaMattingStream.RESETS.get() > resetsBefore, "the flush must reset recurrent state");
        }
    }

    private static void pullBoth(AppSink a, AppSink c) {
        a.pullSample().dispose();
        c.pullSample().dispose();
    }

    @Test
    void resolutionChangeMidStreamRenegotiatesAndCarriesOn() {
        try (var run = new GstTestSupport.Run("appsrc name=in format=time ! rvmmatte name=m m.alpha ! appsink name=a sync=false"
                + " m.src ! appsink name=c sync=false")) {
            AppSrc in = (AppSrc) run.pipeline.getElementByName("in");
            AppSink a = (AppSink) run.pipeline.getElementByName("a");
            AppSink c = (AppSink) run.pipeline.getElementByName("c");
            run.play();
            push(in, 64, 48, 0, 4);
            push(in, 31, 17, 4, 4);
            in.endOfStream();
            List<String> alphaCaps = new ArrayList<>();
            Sample s;
            while ((s = a.pullSample()) != null) {
                alphaCaps.add(s.getCaps().getStructure(0).getInteger("width") + "x" + s.getCaps().getStructure(0).getInteger("height")
                        + " " + s.getCaps().getStructure(0).getString("format"));
                s.dispose();
            }
            int composites = RvmMattePipelineTest.pull(c).size();
            run.assertEos(20);
            assertEquals(List.of("64x48 GRAY8", "64x48 GRAY8", "64x48 GRAY8", "64x48 GRAY8",
                    "31x17 GRAY8", "31x17 GRAY8", "31x17 GRAY8", "31x17 GRAY8"), alphaCaps);
            assertEquals(8, composites);
        }
    }

    private static void push(AppSrc in, int width, int height, int firstIndex, int count) {
        in.setCaps(Caps.fromString("video/x-raw,format=RGBA,width=" + width + ",height=" + height + ",framerate=25/1"));
        for (int i = firstIndex; i < firstIndex + count; i++) {
            Buffer b = new Buffer(width * height * 4);
            ByteBuffer bb = b.map(true);
            for (int p = 0; p < width * height * 4; p++) {
                bb.put(p, (byte) (p * 7 + i));
            }
            b.unmap();
            b.setPresentationTimestamp(i * 40_000_000L);
            b.setDuration(40_000_000L);
            in.pushBuffer(b);
        }
    }

    @Test
    void oneByOneAndOddSizedFramesGivePaddedRows() {
        for (String size : List.of("width=1,height=1", "width=7,height=3")) {
            try (var run = new GstTestSupport.Run("videotestsrc num-buffers=3 ! video/x-raw,format=BGR," + size
                    + " ! rvmmatte name=m m.alpha ! appsink name=a sync=false m.fgr ! appsink name=f sync=false m.src ! fakesink")) {
                AppSink a = (AppSink) run.pipeline.getElementByName("a");
                AppSink f = (AppSink) run.pipeline.getElementByName("f");
                run.play();
                List<byte[]> alphas = RvmMattePipelineTest.pull(a);
                List<byte[]> fgrs = RvmMattePipelineTest.pull(f);
                run.assertEos(20);
                int w = size.startsWith("width=1,") ? 1 : 7;
                int h = w == 1 ? 1 : 3;
                assertEquals(3, alphas.size());
                assertEquals(((w + 3) & ~3) * h, alphas.get(0).length, size + " alpha bytes");
                assertEquals(((3 * w + 3) & ~3) * h, fgrs.get(0).length, size + " fgr bytes");
            }
        }
    }

    @Test
    void unsupportedCapsFailWithAMessageNamingTheFix() {
        try (var run = new GstTestSupport.Run("appsrc name=in format=time ! rvmmatte ! fakesink")) {
            AppSrc in = (AppSrc) run.pipeline.getElementByName("in");
            run.play();
            in.setCaps(Caps.fromString("video/x-raw,format=GRAY8,width=16,height=16,framerate=25/1"));
            in.pushBuffer(new Buffer(256));
            run.awaitEnd(20);
            assertFalse(run.errors.isEmpty(), "negotiation must fail");
            assertTrue(run.errors.get(0).contains("rvmmatte cannot take") && run.errors.get(0).contains("videoconvert"),
                    () -> "first error should name the caps and the fix: " + run.errors);
        }
    }

    @Test
    void propertiesHaveDefaultsAndTakeValues() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=1 ! rvmmatte name=m background=color "
                + "background-color=0xff0000ff seq-chunk=3 downsample-ratio=0.5 ! fakesink")) {
            Element m = run.pipeline.getElementByName("m");
            assertEquals("mobilenetv3", m.get("model"));
            assertEquals(3, m.get("seq-chunk"));
            assertEquals(0.5f, (Float) m.get("downsample-ratio"), 1e-6);
            assertEquals(0xff0000ff, ((Number) m.get("background-color")).intValue());
            assertEquals(true, m.get("qos"));
            m.set("threads", 2);
            assertEquals(2, m.get("threads"));
        }
    }

    @Test
    void compositesOverTheBackgroundColourAndPostsInferenceTimes() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=4 pattern=black ! video/x-raw,format=RGB,width=8,height=8"
                + " ! rvmmatte name=m background=color background-color=0xff0000ff post-messages=true"
                + " m.src ! appsink name=c sync=false")) {
            AppSink c = (AppSink) run.pipeline.getElementByName("c");
            run.play();
            List<byte[]> frames = RvmMattePipelineTest.pull(c);
            run.assertEos(20);
            byte[] f = frames.get(0);
            // black input: luma 0, so the composite is the background (blue), opaque
            assertEquals(0, f[0] & 0xFF);
            assertEquals(0, f[1] & 0xFF);
            assertEquals(255, f[2] & 0xFF);
            assertEquals(255, f[3] & 0xFF);
            long inferenceMessages = run.messages.stream().filter(m -> m.getType() == MessageType.ELEMENT
                    && "rvmmatte".equals(m.getStructure().getName())).count();
            assertEquals(4, inferenceMessages);
            assertEquals(0.5, (Double) run.pipeline.getElementByName("m").get("inference-ms"), 1e-9);
        }
    }

    @Test
    void resetSignalForgetsTemporalState() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=10 ! video/x-raw,width=16,height=16,format=RGB"
                + " ! rvmmatte name=m ! appsink name=c sync=false max-buffers=1")) {
            AppSink c = (AppSink) run.pipeline.getElementByName("c");
            run.play();
            c.pullSample().dispose();
            int before = LumaMattingStream.RESETS.get();
            run.pipeline.getElementByName("m").emit("reset");
            RvmMattePipelineTest.pull(c);
            run.assertEos(20);
            assertTrue(LumaMattingStream.RESETS.get() > before, "reset signal reaches the stream");
        }
    }

    @Test
    void seqChunkHoldsFramesUntilTheChunkIsFullAndDrainsAtEos() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=7 ! video/x-raw,width=16,height=16,format=RGB"
                + " ! rvmmatte seq-chunk=3 name=m m.alpha ! appsink name=a sync=false")) {
            AppSink a = (AppSink) run.pipeline.getElementByName("a");
            run.play();
            List<Long> pts = new ArrayList<>();
            Sample s;
            while ((s = a.pullSample()) != null) {
                pts.add(s.getBuffer().getPresentationTimestamp());
                s.dispose();
            }
            run.assertEos(20);
            assertEquals(7, pts.size(), "7 frames in, 7 mattes out (the last chunk drained at EOS)");
            for (int i = 1; i < pts.size(); i++) {
                assertTrue(pts.get(i) > pts.get(i - 1), "timestamps in order: " + pts);
            }
            assertNotNull(ClockTime.class);
        }
    }
}
