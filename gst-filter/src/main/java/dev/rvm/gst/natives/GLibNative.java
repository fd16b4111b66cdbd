package dev.rvm.gst.natives;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/** GLib memory helpers: strings handed to calls that take ownership must come from g_malloc. */
public final class GLibNative {
    static {
        Native.register(GLibNative.class, NativeLibrary.getInstance("glib-2.0"));
    }

    private GLibNative() {
    }

    public static native Pointer g_strdup(String s);
    public static native void g_free(Pointer p);
    public static native void g_error_free(Pointer error);
}
