package dev.rvm.gst.gobject;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GLibNative;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

/** Error messages on the bus, as GST_ELEMENT_ERROR posts them, logged through the element's category too. */
public final class ElementErrors {
    private ElementErrors() {
    }

    /**
     * @param domain GStreamer's error domain quark ({@code gst_stream_error_quark()} and friends)
     * @param debug  the detail for developers, or null
     */
    public static void post(Pointer element, DebugCategory log, int domain, int code, String text, String debug) {
        log.log(DebugCategory.ERROR, element, text + (debug == null ? "" : " (" + debug + ")"));
        GstNative.gst_element_message_full(element, Layout.MESSAGE_ERROR, domain, code, GLibNative.g_strdup(text),
                debug == null ? null : GLibNative.g_strdup(debug), log.name(), log.name(), 0);
    }
}
