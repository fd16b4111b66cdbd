package dev.rvm.gst.element;

import dev.rvm.gst.gobject.JavaElementType;
import dev.rvm.gst.natives.GstNative;

/** Registers the {@code rvmmatte} GType and factory names; new instances use the latest stream source. */
public final class RvmMatteType {
    public static final String FACTORY_NAME = RvmMatteDescriptor.FACTORY_NAME;
    /** Rank NONE: autoplugging must never pick a matting filter by itself. */
    private static final int RANK_NONE = 0;
    private static volatile MattingStreamSource source = MattingStreamSource.core();

    private RvmMatteType() {
    }

    public static void disableSegtrap() {
        GstNative.gst_segtrap_set_enabled(0);
    }

    public static synchronized void register(String factoryName, MattingStreamSource streams) {
        if (GstNative.gst_is_initialized() == 0) {
            throw new IllegalStateException("GStreamer is not initialized: call Gst.init before registering rvmmatte");
        }
        source = streams;
        JavaElementType.register(RvmMatteDescriptor.DESCRIPTOR, factoryName, RANK_NONE, RvmMatte.LOG,
                (element, pads) -> new RvmMatte(element, pads, source));
    }
}
