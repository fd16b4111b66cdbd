package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.DebugCategory;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

import java.nio.ByteBuffer;

/**
 * Quality of service ({@code qos=true}): each src pad's sink says how late its frames arrive; a frame
 * whose running time is already behind for the slowest linked branch skips inference. The alpha pad repeats the last matte (alpha
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

    /** A QOS event from the branch behind {@code out}: its frames before timestamp + diff are too late. */
    static void onQosEvent(OutputPad out, Pointer event) {
        int[] qosType = new int[1];
        double[] proportion = new double[1];
        long[] diff = new long[1];
        long[] timestamp = new long[1];
        GstNative.gst_event_parse_qos(event, qosType, proportion, diff, timestamp);
        out.qosEarliest = diff[0] > 0 ? timestamp[0] + diff[0] : Layout.CLOCK_TIME_NONE;
    }

    /**
     * Too late to matte for the slowest linked branch (the latest earliest-time of the pads still
     * taking frames), with no chunk in progress. The first frame skipped while another branch keeps up
     * posts a warning: a slow preview makes the recorded outputs repeat frames.
     */
    boolean isLate(State state, Pointer buffer) {
        if (!state.haveSegment || state.pendingCount() > 0) {
            return false;
        }
        long pts = buffer.getLong(Layout.GST_BUFFER_PTS);
        if (pts == Layout.CLOCK_TIME_NONE) {
            return false;
        }
        OutputPad slowest = null;
        for (OutputPad out : outputs.all()) {
            long e = out.qosEarliest;
            if (e != Layout.CLOCK_TIME_NONE && (slowest == null || Long.compareUnsigned(e, slowest.qosEarliest) > 0)
                    && out.wantsFrames()) {
                slowest = out;
            }
        }
        if (slowest == null) {
            return false;
        }
        long running = GstNative.gst_segment_to_running_time(state.segment, Layout.FORMAT_TIME, pts);
        if (running == Layout.CLOCK_TIME_NONE || Long.compareUnsigned(running, slowest.qosEarliest) >= 0) {
            return false;
        }
        if (!state.qosWarned) {
            warnIfOthersKeepUp(state, slowest, running);
        }
        return true;
    }

    private void warnIfOthersKeepUp(State state, OutputPad slowest, long running) {
        StringBuilder keepingUp = new StringBuilder();
        for (OutputPad out : outputs.all()) {
            long e = out.qosEarliest;
            if (out != slowest && (e == Layout.CLOCK_TIME_NONE || Long.compareUnsigned(running, e) >= 0) && out.wantsFrames()) {
                keepingUp.append(keepingUp.length() == 0 ? "" : ", ").append(out.output.padName);
            }
        }
        if (keepingUp.length() > 0) {
            state.qosWarned = true;
            messages.warning("rvmmatte skips late frames because the branch on its " + slowest.output.padName
                    + " pad is late (a preview sink with sync=true?); its " + keepingUp + " output"
                    + (keepingUp.indexOf(",") > 0 ? "s lose" : " loses") + " those frames too (alpha repeats the last"
                    + " matte, src and fgr get gaps). Set qos=false to keep every frame, or put"
                    + " 'queue leaky=downstream max-size-buffers=1' before that branch's sink");
        }
    }

    /** Skips a late frame (takes ownership of the buffer). */
    void skip(State state, Pointer buffer) {
        long pts = buffer.getLong(Layout.GST_BUFFER_PTS);
        long duration = buffer.getLong(Layout.GST_BUFFER_DURATION);
        state.dropped++;
        OutputPad alpha = outputs.get(Output.ALPHA);
        ByteBuffer lastAlpha = state.lastAlpha;
        if (alpha != null && lastAlpha != null && alpha.wantsFrames()) {
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
