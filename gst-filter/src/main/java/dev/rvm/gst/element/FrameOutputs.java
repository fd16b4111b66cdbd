package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.MattedFrame;

import com.sun.jna.Native;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Turns a matted frame into one new buffer per linked src pad (unlinked pads cost nothing). */
final class FrameOutputs {
    private final OutputPads outputs;

    FrameOutputs(OutputPads outputs) {
        this.outputs = outputs;
    }

    /**
     * Writes and queues the frame on each linked pad, in pad order; buffers take the input's flags and
     * timestamps.
     */
    void push(State state, MattedFrame frame, Pointer input, Backdrop backdrop) {
        for (OutputPad out : outputs.all()) {
            if (out.isLinked()) {
                Pointer buffer = newFrame(input, out.output.size(state));
                ByteBuffer pixels = mapForWrite(state, buffer);
                out.output.write(frame, pixels, state, backdrop);
                state.outMap.unmap(buffer);
                out.pushBuffer(buffer);
            }
        }
    }

    /** A copy of a kept frame with the timing of {@code input}. */
    Pointer repeat(State state, Pointer input, ByteBuffer kept) {
        Pointer buffer = newFrame(input, kept.capacity());
        mapForWrite(state, buffer).put(kept.duplicate());
        state.outMap.unmap(buffer);
        return buffer;
    }

    private static Pointer newFrame(Pointer input, long size) {
        Pointer out = GstNative.gst_buffer_new_allocate(null, size, null);
        if (input != null) {
            copyMetadata(out, input);
        }
        return out;
    }

    /** Meta APIs by GType: whether a meta of that API stays true when the pixels change format. */
    private static final Map<Long, Boolean> KEEPS_META = new ConcurrentHashMap<>();

    /**
     * Flags, timestamps and the metas that still hold for a frame in another format, by GstVideoFilter's
     * rule: untagged or tagged only "video" (an editor's positioning meta, GES's among them, must reach
     * its mixer); a video meta describing the input's planes must not follow.
     */
    private static void copyMetadata(Pointer out, Pointer input) {
        GstNative.gst_buffer_copy_into(out, input, Layout.BUFFER_COPY_METADATA, 0, -1);
        long[] iterator = {0};
        List<Pointer> layoutMetas = null;
        for (Pointer meta = GstNative.gst_buffer_iterate_meta(out, iterator); meta != null;
                meta = GstNative.gst_buffer_iterate_meta(out, iterator)) {
            long api = meta.getPointer(Layout.GST_META_INFO).getLong(Layout.GST_META_INFO_API);
            if (!KEEPS_META.computeIfAbsent(api, FrameOutputs::formatIndependent)) {
                if (layoutMetas == null) {
                    layoutMetas = new ArrayList<>(2);
                }
                layoutMetas.add(meta);
            }
        }
        if (layoutMetas != null) {
            for (Pointer meta : layoutMetas) {
                GstNative.gst_buffer_remove_meta(out, meta);
            }
        }
    }

    private static boolean formatIndependent(long api) {
        Pointer tags = GstNative.gst_meta_api_type_get_tags(api);
        for (int i = 0; tags != null; i++) {
            Pointer tag = tags.getPointer((long) i * Native.POINTER_SIZE);
            if (tag == null) {
                break;
            }
            if (!"video".equals(tag.getString(0))) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer mapForWrite(State state, Pointer buffer) {
        ByteBuffer pixels = state.outMap.map(buffer, Layout.MAP_WRITE);
        if (pixels == null) {
            throw new IllegalStateException("could not map an output buffer for writing");
        }
        return pixels;
    }
}
