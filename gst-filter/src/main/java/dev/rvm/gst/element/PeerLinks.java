package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.Ref;
import dev.rvm.gst.natives.GObjectNative;
import dev.rvm.gst.natives.GstNative;

/** Whether a pad of the element has something behind it, seen through the native loader's bin. */
final class PeerLinks {
    private PeerLinks() {
    }

    /**
     * A ghost pad's internal proxy counts only when the ghost pad itself is linked: the native loader
     * wraps the element in a bin whose ghost pads target every pad of the element.
     */
    static boolean isLinked(Pointer pad) {
        try (Ref peer = Ref.object(GstNative.gst_pad_get_peer(pad))) {
            if (peer.isNull()) {
                return false;
            }
            if (GObjectNative.g_type_check_instance_is_a(peer.get(), GstNative.gst_proxy_pad_get_type()) != 0) {
                try (Ref ghost = Ref.object(GstNative.gst_proxy_pad_get_internal(peer.get()))) {
                    if (!ghost.isNull()) {
                        return GstNative.gst_pad_is_linked(ghost.get()) != 0;
                    }
                }
            }
            return true;
        }
    }
}
