package dev.rvm.gst.gobject;

import com.sun.jna.Pointer;

import java.util.function.IntSupplier;

/**
 * Runs Java code that C calls (vfuncs, pad functions, tasks). No exception may escape into GLib: JNA
 * would only print it and the C caller would go on with garbage, so a failure is logged through the
 * element's debug category and the caller gets the value that means "failed".
 */
public final class Guarded {
    private Guarded() {
    }

    public static void run(DebugCategory log, Pointer object, String what, Runnable body) {
        try {
            body.run();
        } catch (Throwable t) {
            failed(log, object, what, t);
        }
    }

    public static int call(DebugCategory log, Pointer object, String what, int onFailure, IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (Throwable t) {
            failed(log, object, what, t);
            return onFailure;
        }
    }

    static void failed(DebugCategory log, Pointer object, String what, Throwable t) {
        try {
            log.log(DebugCategory.ERROR, object, what + " failed: " + ErrorText.detail(t));
        } catch (Throwable ignored) {
            // logging itself failed (GStreamer gone at exit): nothing is left to tell
        }
    }
}
