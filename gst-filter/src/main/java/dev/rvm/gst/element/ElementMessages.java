package dev.rvm.gst.element;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.DebugCategory;
import dev.rvm.gst.gobject.ElementErrors;
import dev.rvm.gst.natives.GLibNative;
import dev.rvm.gst.natives.GObjectNative;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

/** What the element posts on the bus: errors, per-frame inference times, QoS reports. */
final class ElementMessages {
    private final Pointer element;
    private final DebugCategory log;

    ElementMessages(Pointer element, DebugCategory log) {
        this.element = element;
        this.log = log;
    }

    void error(int domain, int code, String text, String debug) {
        ElementErrors.post(element, log, domain, code, text, debug);
    }

    /** A warning on the bus (the stream goes on). */
    void warning(String text) {
        log.log(DebugCategory.WARNING, element, text);
        GstNative.gst_element_message_full(element, Layout.MESSAGE_WARNING, GstNative.gst_core_error_quark(),
                Layout.CORE_ERROR_NEGOTIATION, GLibNative.g_strdup(text), null, log.name(), log.name(), 0);
    }

    /** The negotiation failed: a core error naming the caps and the fix. */
    void notNegotiated(String text, String debug) {
        error(GstNative.gst_core_error_quark(), Layout.CORE_ERROR_NEGOTIATION, text, debug);
    }

    /** An element message named rvmmatte: {@code inference-ms} (double) and {@code timestamp} (the frame's PTS). */
    void inference(Pointer input, double millis, Memory gvalue) {
        Pointer s = GstNative.gst_structure_new_empty(RvmMatteDescriptor.FACTORY_NAME);
        gvalue.clear();
        GObjectNative.g_value_init(gvalue, Layout.G_TYPE_DOUBLE);
        GObjectNative.g_value_set_double(gvalue, millis);
        GstNative.gst_structure_set_value(s, RvmMatteDescriptor.INFERENCE_MS.name(), gvalue);
        GObjectNative.g_value_unset(gvalue);
        gvalue.clear();
        GObjectNative.g_value_init(gvalue, Layout.G_TYPE_UINT64);
        GObjectNative.g_value_set_uint64(gvalue, input == null ? Layout.CLOCK_TIME_NONE : input.getLong(Layout.GST_BUFFER_PTS));
        GstNative.gst_structure_set_value(s, "timestamp", gvalue);
        GObjectNative.g_value_unset(gvalue);
        GstNative.gst_element_post_message(element, GstNative.gst_message_new_element(element, s));
    }

    /** A frame skipped for being late, with the counts so far (in buffers). */
    void qos(long runningTime, long streamTime, long pts, long duration, long processed, long dropped) {
        Pointer msg = GstNative.gst_message_new_qos(element, 0, runningTime, streamTime, pts, duration);
        GstNative.gst_message_set_qos_stats(msg, Layout.FORMAT_BUFFERS, processed, dropped);
        GstNative.gst_element_post_message(element, msg);
    }
}
