package dev.rvm.gst.gobject;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GstNative;

import java.util.function.Consumer;

/**
 * One reference the caller owns, released when the block ends:
 * {@code try (Ref peer = Ref.object(GstNative.gst_pad_get_peer(pad))) { ... }}. A null pointer holds nothing.
 */
public final class Ref implements AutoCloseable {
    private Pointer pointer;
    private final Consumer<Pointer> release;

    private Ref(Pointer pointer, Consumer<Pointer> release) {
        this.pointer = pointer;
        this.release = release;
    }

    /** A GstObject reference (pads, elements): released with gst_object_unref. */
    public static Ref object(Pointer p) {
        return new Ref(p, GstNative::gst_object_unref);
    }

    /** A GstMiniObject reference (caps, buffers, events, queries): released with gst_mini_object_unref. */
    public static Ref miniObject(Pointer p) {
        return new Ref(p, GstNative::gst_mini_object_unref);
    }

    public Pointer get() {
        return pointer;
    }

    public boolean isNull() {
        return pointer == null;
    }

    /** Hands the reference on (to a call that takes ownership); closing then releases nothing. */
    public Pointer transfer() {
        Pointer p = pointer;
        pointer = null;
        return p;
    }

    @Override
    public void close() {
        if (pointer != null) {
            release.accept(pointer);
            pointer = null;
        }
    }
}
