package dev.rvm.gst.element;

import org.freedesktop.gstreamer.message.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A live source and syncing sinks behind a core slower than real time: the element must shed load. */
class RvmMatteQosTest {

    @BeforeAll
    static void slowCore() {
        GstTestSupport.initWithLuma(70); // 70 ms per frame against a 30 fps source
    }

    @AfterAll
    static void normalCore() {
        GstTestSupport.initWithLuma(0);
    }

    @Test
    void lateFramesAreSkippedWithQosMessagesAndTheAlphaKeepsItsRate() {
        try (var run = new GstTestSupport.Run("videotestsrc is-live=true num-buffers=45 ! video/x-raw,format=RGB,width=32,height=24,framerate=30/1"
                + " ! rvmmatte name=m m.src ! fakesink sync=true qos=true m.alpha ! fakesink name=a sync=true qos=true")) {
            run.play().assertEos(30);
            long qos = run.messages.stream().filter(m -> m.getType() == MessageType.QOS
                    && "m".equals(m.getSource().getName())).count();
            assertTrue(qos > 0, "rvmmatte must post QoS messages when it skips late frames");
        }
    }

    /** The recording branch keeps up (no sync), the preview on src is late: frames are skipped, said once. */
    @Test
    void aLatePreviewOnSrcSkipsFramesWithOneWarningNamingTheFix() {
        try (var run = new GstTestSupport.Run("videotestsrc is-live=true num-buffers=45 ! video/x-raw,format=RGB,width=32,height=24,framerate=30/1"
                + " ! rvmmatte name=m m.src ! fakesink sync=true qos=true m.alpha ! fakesink name=a sync=false")) {
            run.play().assertEos(30);
            assertTrue(skips(run) > 0, "the late preview must make rvmmatte skip frames");
            List<String> warnings = run.warnings.stream().filter(w -> w.contains("skips late frames")).toList();
            assertEquals(1, warnings.size(), () -> "one warning expected: " + run.warnings);
            assertTrue(warnings.get(0).contains("branch on its src pad is late") && warnings.get(0).contains("its alpha output")
                    && warnings.get(0).contains("qos=false"), warnings.get(0));
        }
    }

    /** QoS is the slowest linked branch's, not src's alone: a late alpha sink sheds load too. */
    @Test
    void aLateAlphaBranchIsHeardToo() {
        try (var run = new GstTestSupport.Run("videotestsrc is-live=true num-buffers=45 ! video/x-raw,format=RGB,width=32,height=24,framerate=30/1"
                + " ! rvmmatte name=m m.src ! fakesink sync=false m.alpha ! fakesink name=a sync=true qos=true")) {
            run.play().assertEos(30);
            assertTrue(skips(run) > 0, "a late alpha sink must make rvmmatte skip frames");
            assertTrue(run.warnings.stream().anyMatch(w -> w.contains("branch on its alpha pad is late")), run.warnings::toString);
        }
    }

    private static long skips(GstTestSupport.Run run) {
        return run.messages.stream().filter(m -> m.getType() == MessageType.QOS && "m".equals(m.getSource().getName())).count();
    }
}
