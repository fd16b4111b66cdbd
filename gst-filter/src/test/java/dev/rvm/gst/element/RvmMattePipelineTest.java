package dev.rvm.gst.element;

import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.elements.AppSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real pipelines around rvmmatte running on the luma stand-in for the matting core. */
class RvmMattePipelineTest {

    @BeforeAll
    static void gst() {
        GstTestSupport.initWithLuma(0);
    }

    @Test
    void threeSinksWithoutQueuesPrerollAndReachEos() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=30 ! video/x-raw,format=RGB,width=64,height=48"
                + " ! rvmmatte name=m m.src ! fakesink m.alpha ! fakesink m.fgr ! fakesink")) {
            run.play().assertEos(20);
        }
    }

    /** x264enc takes ~40 frames before its sink can preroll while the other two sinks preroll at once. */
    @Test
    void encoderBranchWithDeepLookaheadPrerollsBesideTwoPrerolledSinks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=90 ! video/x-raw,format=RGB,width=64,height=48"
                + " ! rvmmatte name=m m.src ! videoconvert ! x264enc ! mp4mux ! filesink location=" + dir.resolve("out.mp4")
                + " m.alpha ! pngenc ! multifilesink location=" + dir.resolve("a%05d.png") + " m.fgr ! fakesink")) {
            run.play().assertEos(60);
        }
        assertEquals(90, dir.toFile().list((d, n) -> n.endsWith(".png")).length);
        assertTrue(dir.resolve("out.mp4").toFile().length() > 1000);
    }

    /** The composite keeps the input's channel order, so the sink steers videoconvert to what src's peer takes. */
    @Test
    void compositeNegotiatesTheChannelOrderDownstreamAsksFor() {
        for (String wanted : new String[] {"RGBA", "BGRA"}) {
            try (var run = new GstTestSupport.Run("videotestsrc num-buffers=3 ! video/x-raw,format=I420,width=32,height=24"
                    + " ! videoconvert ! rvmmatte ! video/x-raw,format=" + wanted + " ! fakesink")) {
                run.play().assertEos(20);
            }
        }
    }

    @Test
    void unlinkedAlphaAndForegroundDoNotFailTheStream() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=20 ! video/x-raw,format=BGRx,width=32,height=24"
                + " ! rvmmatte ! fakesink")) {
            run.play().assertEos(20);
        }
    }

    /** The core makes every output of a frame in one pass when asked for all at once: the element does. */
    @Test
    void everyLinkedPadIsWrittenByOneCallPerFrame() {
        int targets = LumaMattingStream.TARGET_WRITES.get();
        int singles = LumaMattingStream.SINGLE_WRITES.get();
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=6 ! video/x-raw,format=RGBx,width=32,height=24"
                + " ! rvmmatte name=m background=color m.src ! video/x-raw,format=I420 ! fakesink m.alpha ! fakesink"
                + " m.fgr ! fakesink")) {
            run.play().assertEos(20);
        }
        assertEquals(6, LumaMattingStream.TARGET_WRITES.get() - targets, "one write(FrameTargets) per frame");
        assertEquals(0, LumaMattingStream.SINGLE_WRITES.get() - singles, "no single-output writes");
    }

    @Test
    void alphaIsTheStreamsMatteForEveryFrameWithEosOnEveryPad() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=5 pattern=smpte ! video/x-raw,format=RGB,width=33,height=17"
                + " ! tee name=t t. ! queue ! appsink name=in sync=false"
                + " t. ! queue ! rvmmatte name=m m.alpha ! appsink name=a sync=false m.src ! appsink name=c sync=false"
                + " m.fgr ! appsink name=f sync=false")) {
            AppSink in = (AppSink) run.pipeline.getElementByName("in");
            AppSink a = (AppSink) run.pipeline.getElementByName("a");
            AppSink c = (AppSink) run.pipeline.getElementByName("c");
            AppSink f = (AppSink) run.pipeline.getElementByName("f");
            run.play();
            List<byte[]> inputs = pull(in);
            List<byte[]> alphas = pull(a);
            List<byte[]> composites = pull(c);
            List<byte[]> foregrounds = pull(f);
            run.assertEos(20);
            assertEquals(5, inputs.size());
            assertEquals(5, alphas.size());
            assertEquals(5, composites.size());
            assertEquals(5, foregrounds.size());
            assertTrue(a.isEOS() && c.isEOS() && f.isEOS(), "EOS must reach every pad");
            int inStride = 100; // 33 * 3 rounded up to 4
            int aStride = 36;
            for (int k = 0; k < 5; k++) {
                byte[] rgb = inputs.get(k);
                for (int y = 0; y < 17; y++) {
                    for (int x = 0; x < 33; x++) {
                        int p = y * inStride + 3 * x;
                        int expected = LumaMattingStream.luma(rgb[p] & 0xFF, rgb[p + 1] & 0xFF, rgb[p + 2] & 0xFF);
                        assertEquals(expected, alphas.get(k)[y * aStride + x] & 0xFF, "alpha at " + x + "," + y);
                        assertEquals(expected, composites.get(k)[y * 33 * 4 + 4 * x + 3] & 0xFF, "composite A");
                        assertEquals(rgb[p], composites.get(k)[y * 33 * 4 + 4 * x], "composite R");
                        assertEquals(rgb[p + 2], foregrounds.get(k)[y * inStride + 3 * x + 2], "foreground B");
                    }
                }
            }
        }
    }

    static List<byte[]> pull(AppSink sink) {
        List<byte[]> frames = new ArrayList<>();
        Sample s;
        while ((s = sink.pullSample()) != null) {
            frames.add(bytes(s));
            s.dispose();
        }
        return frames;
    }

    /** A copy of the sample's buffer. */
    static byte[] bytes(Sample s) {
        Buffer b = s.getBuffer();
        ByteBuffer bb = b.map(false);
        byte[] copy = new byte[bb.remaining()];
        bb.get(copy);
        b.unmap();
        return copy;
    }
}
