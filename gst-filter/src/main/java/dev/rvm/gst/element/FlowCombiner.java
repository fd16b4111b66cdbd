package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GstBaseNative;

import static dev.rvm.gst.natives.Layout.FLOW_OK;

/**
 * What the sink pad returns upstream, from the last flow of every src pad: gstbase's GstFlowCombiner
 * (flushing and errors at once; EOS when every linked pad is EOS; NOT_LINKED when no pad is linked).
 * The C combiner is not thread-safe and each pad's task reports its own flow, so every call is made
 * under this object's monitor; the result is kept for the sink's thread to read without one.
 */
final class FlowCombiner implements AutoCloseable {
    private Pointer combiner = GstBaseNative.gst_flow_combiner_new();
    private volatile int combined = FLOW_OK;

    synchronized void add(Pointer pad) {
        if (combiner != null) {
            GstBaseNative.gst_flow_combiner_add_pad(combiner, pad);
        }
    }

    synchronized void remove(Pointer pad) {
        if (combiner != null) {
            GstBaseNative.gst_flow_combiner_remove_pad(combiner, pad);
        }
    }

    /** Records the pad's latest flow; returns the combined one. */
    synchronized int update(Pointer pad, int flow) {
        if (combiner != null) {
            combined = GstBaseNative.gst_flow_combiner_update_pad_flow(combiner, pad, flow);
        }
        return combined;
    }

    /** FLUSH_STOP: every pad starts again from OK. */
    synchronized void reset() {
        if (combiner != null) {
            GstBaseNative.gst_flow_combiner_reset(combiner);
        }
        combined = FLOW_OK;
    }

    int combined() {
        return combined;
    }

    /** Drops the combiner and its pad references (the element is finalized). */
    @Override
    public synchronized void close() {
        if (combiner != null) {
            GstBaseNative.gst_flow_combiner_free(combiner);
            combiner = null;
        }
    }
}
