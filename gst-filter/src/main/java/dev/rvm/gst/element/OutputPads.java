package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.DebugCategory;
import dev.rvm.gst.gobject.PadFunctions;
import dev.rvm.gst.natives.GstNative;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The element's src pads as they are now: added (and, for request pads, removed) at run time. Hands
 * serialized events to every pad behind its buffers and combines their flow returns into the sink's.
 */
final class OutputPads {
    /** Shared by the pads' hand-offs: guards every queue and is what they wait on. */
    final Object lock = new Object();
    private final List<OutputPad> pads = new CopyOnWriteArrayList<>();
    private final DebugCategory log;

    OutputPads(DebugCategory log) {
        this.log = log;
    }

    /** Serves {@code output} on this src pad: pad functions, fixed caps (set from the sink's), a task. */
    OutputPad add(Output output, Pointer pad) {
        OutputPad out = new OutputPad(output, pad, this, log);
        PadFunctions.source(pad);
        GstNative.gst_pad_use_fixed_caps(pad);
        pads.add(out);
        return out;
    }

    /**
     * A pad going away (a released request pad): out of the flow combination first, so its flushing
     * return never reaches upstream, then its task stops and its queue is dropped.
     */
    void remove(OutputPad out) {
        pads.remove(out);
        // a downstream element may hold the pad's task (a prerolled sink, an appsink waiting for its
        // buffers to be taken before EOS): a flush lets go of it, or the task could not be joined
        boolean linked = out.isLinked();
        if (linked) {
            GstNative.gst_pad_push_event(out.pad, GstNative.gst_event_new_flush_start());
        }
        out.stop();
        if (linked) {
            GstNative.gst_pad_push_event(out.pad, GstNative.gst_event_new_flush_stop(1));
        }
    }

    /**
     * Hands pads added since the last call the stream's sticky events (stream-start, caps, segment), so
     * a request pad added mid-stream is told what it carries before its first buffer. Called by the
     * sink's streaming thread before it queues anything, so nothing overtakes them.
     */
    void prime(State st, Negotiation negotiation) {
        for (OutputPad out : pads) {
            if (out.primed) {
                continue;
            }
            if (st.streamStart() != null) {
                out.pushEvent(GstNative.gst_mini_object_ref(st.streamStart()), false);
            }
            if (st.video != null && st.compositeFormat != null) {
                negotiation.pushCaps(out, st);
            }
            if (st.segmentEvent() != null) {
                out.pushEvent(GstNative.gst_mini_object_ref(st.segmentEvent()), false);
            }
            out.primed = true;
        }
    }

    List<OutputPad> all() {
        return pads;
    }

    /** The pad serving {@code output}, or null. */
    OutputPad get(Output output) {
        for (OutputPad out : pads) {
            if (out.output == output) {
                return out;
            }
        }
        return null;
    }

    /** Ours for this GstPad, or null. */
    OutputPad find(Pointer pad) {
        for (OutputPad out : pads) {
            if (out.pad.equals(pad)) {
                return out;
            }
        }
        return null;
    }

    /** What the sink pad returns upstream (see {@link FlowCombiner}). */
    int combinedFlow() {
        return FlowCombiner.combine(pads);
    }

    /** Hands a serialized event to every pad's queue, behind the buffers already there (takes ownership). */
    void pushSerialized(Pointer event, boolean eos) {
        for (OutputPad out : pads) {
            out.pushEvent(GstNative.gst_mini_object_ref(event), eos);
        }
        GstNative.gst_mini_object_unref(event);
    }

    /** FLUSH_START goes downstream at once (not queued), then every queue is dropped (takes ownership). */
    void flushStart(Pointer event) {
        for (OutputPad out : pads) {
            GstNative.gst_pad_push_event(out.pad, GstNative.gst_mini_object_ref(event));
            out.flush();
        }
        GstNative.gst_mini_object_unref(event);
    }

    /** FLUSH_STOP goes downstream at once, then every pad's task starts again (takes ownership). */
    void flushStop(Pointer event) {
        for (OutputPad out : pads) {
            GstNative.gst_pad_push_event(out.pad, GstNative.gst_mini_object_ref(event));
            out.start();
        }
        GstNative.gst_mini_object_unref(event);
    }
}
