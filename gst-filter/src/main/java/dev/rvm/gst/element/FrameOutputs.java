package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.settings.SettingValues;

import java.nio.ByteBuffer;

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
    void push(State state, MattedFrame frame, Pointer input, SettingValues settings) {
        for (OutputPad out : outputs.all()) {
            if (out.isLinked()) {
                Pointer buffer = newFrame(input, out.output.size(state));
                ByteBuffer pixels = mapForWrite(state, buffer);
                out.output.write(frame, pixels, state, settings);
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
            GstNative.gst_buffer_copy_into(out, input, Layout.BUFFER_COPY_FLAGS_AND_TIMESTAMPS, 0, -1);
        }
        return out;
    }

    private static ByteBuffer mapForWrite(State state, Pointer buffer) {
        ByteBuffer pixels = state.outMap.map(buffer, Layout.MAP_WRITE);
        if (pixels == null) {
            throw new IllegalStateException("could not map an output buffer for writing");
        }
        return pixels;
    }
}
