package dev.rvm.gst.gobject;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.Callbacks;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

import java.util.List;

/**
 * The chain, event, query and activate-mode functions of every pad of a Java element: four callback
 * objects for the life of the process, each finding the element in {@link InstanceRegistry} by the pad's
 * parent and calling its {@link ElementInstance} method. They catch every Throwable, log it through the
 * element's debug category and return what means failure: a flow error (after the element posted its
 * error message) for chain, FALSE for events, queries and activation.
 */
public final class PadFunctions {
    private static final Callbacks.PadFunction CHAIN = PadFunctions::chain;
    private static final Callbacks.PadFunction EVENT = PadFunctions::event;
    private static final Callbacks.PadFunction QUERY = PadFunctions::query;
    private static final Callbacks.ActivateModeFunction ACTIVATE_MODE = PadFunctions::activateMode;

    static {
        for (com.sun.jna.Callback cb : List.of(CHAIN, EVENT, QUERY, ACTIVATE_MODE)) {
            JavaElementType.keepThreadsAttached(cb);
        }
    }

    private PadFunctions() {
    }

    /** Makes the element's {@link ElementInstance#chain}, {@code event} and {@code query} serve this sink pad. */
    public static void sink(Pointer pad) {
        GstNative.gst_pad_set_chain_function_full(pad, CHAIN, null, null);
        GstNative.gst_pad_set_event_function_full(pad, EVENT, null, null);
        GstNative.gst_pad_set_query_function_full(pad, QUERY, null, null);
    }

    /** A sink pad that also tells the element when it is (de)activated, so a waiting chain can be woken. */
    public static void sinkWithActivation(Pointer pad) {
        sink(pad);
        GstNative.gst_pad_set_activatemode_function_full(pad, ACTIVATE_MODE, null, null);
    }

    /** Makes the element's {@code event}, {@code query} and {@code activateMode} serve this src pad. */
    public static void source(Pointer pad) {
        GstNative.gst_pad_set_event_function_full(pad, EVENT, null, null);
        GstNative.gst_pad_set_query_function_full(pad, QUERY, null, null);
        GstNative.gst_pad_set_activatemode_function_full(pad, ACTIVATE_MODE, null, null);
    }

    private static int chain(Pointer pad, Pointer parent, Pointer buffer) {
        ElementInstance e = InstanceRegistry.get(parent);
        if (e == null) {
            GstNative.gst_mini_object_unref(buffer);
            return Layout.FLOW_ERROR;
        }
        try {
            return e.chain(pad, buffer);
        } catch (Throwable t) {
            Guarded.failed(e.log(), parent, "chain", t);
            Guarded.run(e.log(), parent, "posting the chain's error", () -> e.chainFailed(pad, t));
            return Layout.FLOW_ERROR;
        }
    }

    private static int event(Pointer pad, Pointer parent, Pointer event) {
        ElementInstance e = InstanceRegistry.get(parent);
        if (e == null) {
            return GstNative.gst_pad_event_default(pad, parent, event);
        }
        return Guarded.call(e.log(), parent, "event", 0, () -> e.event(pad, parent, event) ? 1 : 0);
    }

    private static int query(Pointer pad, Pointer parent, Pointer query) {
        ElementInstance e = InstanceRegistry.get(parent);
        if (e == null) {
            return GstNative.gst_pad_query_default(pad, parent, query);
        }
        return Guarded.call(e.log(), parent, "query", 0, () -> e.query(pad, parent, query) ? 1 : 0);
    }

    private static int activateMode(Pointer pad, Pointer parent, int mode, int active) {
        ElementInstance e = InstanceRegistry.get(parent);
        if (e == null) {
            return 0;
        }
        return Guarded.call(e.log(), parent, "pad activation", 0, () -> e.activateMode(pad, mode, active != 0) ? 1 : 0);
    }
}
