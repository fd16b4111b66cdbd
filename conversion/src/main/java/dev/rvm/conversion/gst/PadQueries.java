package dev.rvm.conversion.gst;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.glib.Natives;

/** Queries on a pad that gst1-java-core offers on elements only (where they reach a random pad). */
public final class PadQueries {
    static {
        Native.register(PadQueries.class, NativeLibrary.getInstance("gstreamer-1.0"));
    }

    private PadQueries() {
    }

    /** The duration of the stream through {@code pad} in {@code format} (upstream answers it), or -1 when unknown. */
    public static long duration(Pad pad, Format format) {
        long[] value = {-1};
        if (gst_pad_query_duration(Natives.getRawPointer(pad), format.intValue(), value) == 0) {
            return -1;
        }
        return value[0];
    }

    private static native int gst_pad_query_duration(Pointer pad, int format, long[] duration);
}
