package dev.rvm.gst.gobject;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

import java.nio.ByteBuffer;

/**
 * A GstMapInfo reused for every map made by one thread, so mapping a frame allocates nothing: map a
 * buffer, use its bytes, unmap it.
 */
public final class BufferMap {
    private final Memory info = new Memory(Layout.GST_MAP_INFO_SIZE);

    /** The buffer's bytes, or null when it cannot be mapped with these flags. */
    public ByteBuffer map(Pointer buffer, int flags) {
        if (GstNative.gst_buffer_map(buffer, info, flags) == 0) {
            return null;
        }
        return info.getPointer(Layout.GST_MAP_INFO_DATA).getByteBuffer(0, size());
    }

    /** The mapped size in bytes. */
    public long size() {
        return info.getLong(Layout.GST_MAP_INFO_SIZE_FIELD);
    }

    public void unmap(Pointer buffer) {
        GstNative.gst_buffer_unmap(buffer, info);
    }
}
