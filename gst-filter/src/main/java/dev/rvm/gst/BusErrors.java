package dev.rvm.gst;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GLibNative;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import org.freedesktop.gstreamer.glib.Natives;
import org.freedesktop.gstreamer.message.Message;
import org.freedesktop.gstreamer.message.MessageType;

/**
 * The text and debug detail of ERROR and WARNING bus messages (gst1-java-core exposes the text only),
 * e.g. "rvmmatte: could not start: model file /x.onnx does not exist (debug: ...)".
 */
public final class BusErrors {
    private BusErrors() {
    }

    /** A parsed error or warning. {@code debug} may be null. */
    public record Problem(String source, String text, String debug) {
        @Override
        public String toString() {
            return source + ": " + text + (debug == null || debug.isBlank() ? "" : "\n  debug: " + debug);
        }
    }

    /** The message of a GError that the caller owns (an out-parameter of a GStreamer call), which is freed. */
    public static String takeMessage(long gerror) {
        Pointer e = new Pointer(gerror);
        Pointer m = e.getPointer(8); // GError { GQuark domain; gint code; gchar *message; }
        String text = m == null ? null : m.getString(0);
        GLibNative.g_error_free(e);
        return text;
    }

    /** Null when the message is neither an error nor a warning. */
    public static Problem parse(Message message) {
        MessageType type = message.getType();
        if (type != MessageType.ERROR && type != MessageType.WARNING) {
            return null;
        }
        Pointer raw = Natives.getRawPointer(message);
        long[] error = new long[1];
        long[] debug = new long[1];
        if (type == MessageType.ERROR) {
            GstNative.gst_message_parse_error(raw, error, debug);
        } else {
            GstNative.gst_message_parse_warning(raw, error, debug);
        }
        String text = null;
        String detail = null;
        if (error[0] != 0) {
            text = takeMessage(error[0]);
        }
        if (debug[0] != 0) {
            Pointer d = new Pointer(debug[0]);
            detail = d.getString(0);
            GLibNative.g_free(d);
        }
        String source = message.getSource() == null ? "?" : message.getSource().getName();
        return new Problem(source, text, detail);
    }
}
