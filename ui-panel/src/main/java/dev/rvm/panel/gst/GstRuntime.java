package dev.rvm.panel.gst;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Version;

/** Starts GStreamer once per JVM, the way a Java host must (see ensureStarted). */
public final class GstRuntime {
    private static boolean started;

    private GstRuntime() {
    }

    private interface Segtrap extends Library {
        void gst_segtrap_set_enabled(int enabled);
    }

    /**
     * Gst.init with GStreamer's segfault trap off: plugin loading swaps the process-wide SIGSEGV handler
     * while Java threads run, and the JVM (which uses SIGSEGV itself) does not survive that.
     */
    public static synchronized void ensureStarted() {
        if (started) {
            return;
        }
        if (!Gst.isInitialized()) {
            Native.load("gstreamer-1.0", Segtrap.class).gst_segtrap_set_enabled(0);
            Gst.init(Version.of(1, 16), "rvm-panel");
        }
        started = true;
    }
}
