package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GstNative;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.glib.Natives;
import org.freedesktop.gstreamer.message.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LATENCY answer in a live pipeline follows what the element measures, and the pipeline is told. */
class RvmMatteLatencyTest {
    private static final long CORE_MS = 40;

    @BeforeAll
    static void coreTaking40Ms() {
        GstTestSupport.initWithLuma(CORE_MS);
    }

    @AfterAll
    static void normalCore() {
        GstTestSupport.initWithLuma(0);
    }

    @Test
    void theAnswerIsTheMeasuredProcessingTimeAndALatencyMessageAnnouncesIt() {
        String source = "videotestsrc is-live=true ! video/x-raw,format=RGB,width=32,height=24,framerate=10/1";
        long base = liveLatency(source + " ! appsink name=s", 1)[0];
        long[] withElement = liveLatency(source + " ! rvmmatte name=m ! appsink name=s", 25);
        double ownMs = (withElement[0] - base) / 1e6;
        // 40 ms of (stand-in) model plus the element's own work; the initial guess was one 100 ms period
        assertEquals(CORE_MS, ownMs, 0.2 * CORE_MS, "element's latency answer in ms");
        assertTrue(withElement[1] > 0, "rvmmatte must post a LATENCY message when its estimate moves from 100 to 40 ms");
    }

    /** The pipeline's min latency after {@code frames} frames, and how many LATENCY messages rvmmatte posted. */
    private static long[] liveLatency(String description, int frames) {
        try (var run = new GstTestSupport.Run(description)) {
            run.play();
            AppSink sink = (AppSink) run.pipeline.getElementByName("s");
            for (int i = 0; i < frames; i++) {
                sink.pullSample().dispose();
            }
            Pointer q = GstNative.gst_query_new_latency();
            try {
                assertEquals(1, GstNative.gst_element_query(Natives.getRawPointer(run.pipeline), q), "latency query answered");
                int[] live = new int[1];
                long[] min = new long[1];
                long[] max = new long[1];
                GstNative.gst_query_parse_latency(q, live, min, max);
                assertEquals(1, live[0], "live");
                long messages = run.messages.stream().filter(m -> m.getType() == MessageType.LATENCY
                        && "m".equals(m.getSource().getName())).count();
                return new long[] {min[0], messages};
            } finally {
                GstNative.gst_mini_object_unref(q);
            }
        }
    }
}
