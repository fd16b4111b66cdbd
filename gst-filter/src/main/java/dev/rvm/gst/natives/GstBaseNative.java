package dev.rvm.gst.natives;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/** The gstbase helpers the element uses: GstFlowCombiner, which demuxers and tee-like elements share. */
public final class GstBaseNative {
    static {
        Native.register(GstBaseNative.class, NativeLibrary.getInstance("gstbase-1.0"));
    }

    private GstBaseNative() {
    }

    public static native Pointer gst_flow_combiner_new();
    public static native void gst_flow_combiner_free(Pointer combiner);
    /** Takes a reference on the pad. */
    public static native void gst_flow_combiner_add_pad(Pointer combiner, Pointer pad);
    public static native void gst_flow_combiner_remove_pad(Pointer combiner, Pointer pad);
    public static native void gst_flow_combiner_reset(Pointer combiner);
    public static native int gst_flow_combiner_update_pad_flow(Pointer combiner, Pointer pad, int flow);
}
