package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.DebugCategory;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

import java.nio.ByteBuffer;

/**
 * Quality of service ({@code qos=true}): the composite's sink says how late frames arrive; a frame
 * whose running time is already behind skips inference. The alpha pad repeats the last matte (alpha
 * keeps its rate for alphacombine), src and fgr get a GAP event, and a QoS message says so.
 */
final class Qos {
    private final Pointer element;
    private final DebugCategory log;
    private final OutputPads outputs;
    private final FrameOutputs frames;
    private final ElementMessages messages;

    Qos(Pointer element, DebugCategory log, OutputPads outputs, FrameOutputs frames, ElementMessages messages) {
        this.element = element;
        this.log = log;
        this.outputs = outputs;
        this.frames = frames;
        this.messages = messages;
    }

    /** A QOS event from downstream of the composite: frames before timestamp + diff are too late. */
    static void onQosEvent(State state, Pointer event) {
        int[] qosType = new int[1];
        double[] proportion = new double[1];
        long[] diff = new long[1];
        long[] timestamp = new long[1];
        GstNative.gst_event_parse_qos(event, qosType, proportion, diff, timestamp);
        state.earliestTime = diff[0] > 0 ? timestamp[0] + diff[0] : Layout.CLOCK_TIME_NONE;
    }

    /** Too late to matte: behind the sink's earliest time, with no chunk in progress. */
    static boolean isLate(State state, Pointer buffer) {
        long earliest = state.earliestTime;
        if (earliest == Layout.CLOCK_TIME_NONE || !state.haveSegment || state.pendingCount() > 0) {
            return false;
        }
        long pts = buffer.getLong(Layout.GST_BUFFER_PTS);
        if (pts == Layout.CLOCK_TIME_NONE) {
            return false;
        }
        long running = GstNative.gst_segment_to_running_time(state.segment, Layout.FORMAT_TIME, pts);
        return running != Layout.CLOCK_TIME_NONE && Long.compareUnsigned(running, earliest) < 0;
    }

    /** Skips a late frame (takes ownership of the buffer). */
    void skip(State state, Pointer buffer) {
        long pts = buffer.getLong(Layout.GST_BUFFER_PTS);
        long duration = buffer.getLong(Layout.GST_BUFFER_DURATION);
        state.dropped++;
        OutputPad alpha = outputs.get(Output.ALPHA);
        ByteBuffer lastAlpha = state.lastAlpha;
        if (alpha != null && alpha.isLinked() && lastAlpha != null) {
            alpha.pushBuffer(frames.repeat(buffer, lastAlpha));
        }
        for (OutputPad out : outputs.all()) {
            if (out.output != Output.ALPHA) {
                out.pushEvent(GstNative.gst_event_new_gap(pts, duration), false);
            }
        }
        long running = GstNative.gst_segment_to_running_time(state.segment, Layout.FORMAT_TIME, pts);
        long streamTime = GstNative.gst_segment_to_stream_time(state.segment, Layout.FORMAT_TIME, pts);
        messages.qos(running, streamTime, pts, duration, state.processed, state.dropped);
        log.log(DebugCategory.DEBUG, element, "late frame at running time " + running + " skipped");
        GstNative.gst_mini_object_unref(buffer);
    }
}
