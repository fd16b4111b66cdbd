package dev.rvm.gst.element;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.BufferMap;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.FrameTargets;
import dev.rvm.matting.MattedFrame;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a matted frame into one new buffer per linked src pad (unlinked pads cost nothing). Every
 * linked pad's buffer is mapped first and the frame is written once into all of them
 * ({@link MattedFrame#write(FrameTargets)}): on the core's fused path src + alpha + fgr is one
 * full-resolution pass, not one per pad. Used by the sink's streaming thread only.
 */
final class FrameOutputs {
    private static final int OUTPUTS = Output.values().length;

    private final OutputPads outputs;
    private final FrameTargets targets = new FrameTargets();
    /** This frame's linked pads (at most one per output), their buffers, maps and mapped bytes. */
    private final OutputPad[] pads = new OutputPad[OUTPUTS];
    private final Pointer[] buffers = new Pointer[OUTPUTS];
    private final BufferMap[] maps = new BufferMap[OUTPUTS];
    private final ByteBuffer[] mapped = new ByteBuffer[OUTPUTS];
    private final BufferMap repeatMap = new BufferMap();
    private int count;

    FrameOutputs(OutputPads outputs) {
        this.outputs = outputs;
        for (int i = 0; i < OUTPUTS; i++) {
            maps[i] = new BufferMap();
        }
    }

    /**
     * Writes the frame into a new buffer for each linked pad, then queues them in pad order; buffers
     * take the input's flags, timestamps and format-independent metas. A failed write drops them all.
     */
    void push(State state, MattedFrame frame, Pointer input, Backdrop backdrop) {
        targets.clear();
        count = 0;
        try {
            for (OutputPad out : outputs.all()) {
                if (out.isLinked() && count < OUTPUTS) {
                    int i = count++;
                    pads[i] = out;
                    buffers[i] = newFrame(input, out.output.size(state));
                    mapped[i] = mapForWrite(maps[i], buffers[i]);
                    out.output.target(targets, mapped[i], state, backdrop);
                }
            }
            if (count == 0) {
                return;
            }
            frame.write(targets);
            for (int i = 0; i < count; i++) {
                pads[i].output.finish(mapped[i], state);
            }
        } catch (RuntimeException | Error e) {
            release(true);
            throw e;
        }
        release(false);
    }

    /** Unmaps this frame's buffers, then pushes them (or, after a failure, drops them). */
    private void release(boolean drop) {
        for (int i = 0; i < count; i++) {
            if (mapped[i] != null) {
                maps[i].unmap(buffers[i]);
            }
        }
        for (int i = 0; i < count; i++) {
            if (buffers[i] != null) {
                if (drop) {
                    GstNative.gst_mini_object_unref(buffers[i]);
                } else {
                    pads[i].pushBuffer(buffers[i]);
                }
            }
            pads[i] = null;
            buffers[i] = null;
            mapped[i] = null;
        }
        count = 0;
        targets.clear();
    }

    /** A copy of a kept frame with the timing of {@code input}. */
    Pointer repeat(Pointer input, ByteBuffer kept) {
        Pointer buffer = newFrame(input, kept.capacity());
        mapForWrite(repeatMap, buffer).put(kept.duplicate());
        repeatMap.unmap(buffer);
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

    private static ByteBuffer mapForWrite(BufferMap map, Pointer buffer) {
        ByteBuffer pixels = map.map(buffer, Layout.MAP_WRITE);
        if (pixels == null) {
            throw new IllegalStateException("could not map an output buffer for writing");
        }
        return pixels;
    }
}
