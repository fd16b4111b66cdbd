package dev.rvm.gst;

import dev.rvm.gst.natives.GstNative;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.glib.Natives;
import org.freedesktop.gstreamer.message.Message;
import org.freedesktop.gstreamer.message.MessageType;

/**
 * An element whose latency changed (rvmmatte once it has measured itself) posts a LATENCY message;
 * the application then redistributes the pipeline's latency, as gst-launch-1.0 does. gst1-java-core
 * has no binding for that call.
 */
public final class PipelineLatency {
    private PipelineLatency() {
    }

    /** Call from the bus handler: redistributes the latency when {@code message} is a LATENCY message. */
    public static void handle(Bin pipeline, Message message) {
        if (message.getType() == MessageType.LATENCY) {
            GstNative.gst_bin_recalculate_latency(Natives.getRawPointer(pipeline));
        }
    }
}
