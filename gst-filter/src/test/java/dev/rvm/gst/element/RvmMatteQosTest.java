package dev.rvm.gst.element;

import org.freedesktop.gstreamer.message.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
}
