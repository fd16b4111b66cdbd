package dev.rvm.gst.element;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.BufferMap;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.compositing.YuvConverter;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Everything one stream negotiates and carries between frames. A fresh one replaces it on
 * PAUSED->READY ({@link #release} drops what it holds); FLUSH and the reset signal {@link #forget}
 * the temporal part (FLUSH the QoS time too). Touched by the streaming thread, except the QoS time and the seek number, which
 * src pad events write.
 */
final class State {
    final BufferMap inMap = new BufferMap();
    final Memory segment = new Memory(Layout.GST_SEGMENT_SIZE);
    final Memory gvalue = new Memory(Layout.GVALUE_SIZE);
    /** Measured time from sink to src pads, for the LATENCY answer; a new State measures afresh. */
    final ProcessingLatency latency = new ProcessingLatency();
    boolean haveSegment;
    volatile VideoCaps video;
    FrameLayout inLayout;
    FrameLayout foregroundLayout;
    /** The sticky events a request pad added mid-stream is given before its first buffer (refs held). */
    private Pointer sinkCaps;
    private Pointer streamStart;
    private Pointer segmentEvent;
    /** What src carries now, and whether it was chosen for an opaque composite. */
    CompositeFormat compositeFormat;
    boolean opaque;
    /** The packed composite a YUV output is converted from, reused frame to frame. */
    private ByteBuffer compositeScratch;
    /** Made on the first YUV frame; closed with the state. */
    private YuvConverter yuv;
    /** Input buffers (reffed) whose results are still to come, in submit order. */
    private final ArrayDeque<long[]> pending = new ArrayDeque<>();
    private long nextTag;
    /** The last matte, repeated on the alpha pad when QoS skips a frame. */
    ByteBuffer lastAlpha;
    long processed;
    long dropped;
    /** QoS: running time before which frames are too late to matte; written by src event threads. */
    volatile long earliestTime = Layout.CLOCK_TIME_NONE;
    /** The seqnum of the last seek sent upstream: every src pad's sink sends the application's seek. */
    private int lastSeekSeqnum = -1;

    void configure(VideoCaps v, Pointer caps) {
        video = v;
        inLayout = v.layout();
        foregroundLayout = v.foregroundLayout();
        lastAlpha = null;
        sinkCaps = replace(sinkCaps, caps);
    }

    Pointer sinkCaps() {
        return sinkCaps;
    }

    void keepStreamStart(Pointer event) {
        streamStart = replace(streamStart, event);
    }

    Pointer streamStart() {
        return streamStart;
    }

    void keepSegment(Pointer event) {
        segmentEvent = replace(segmentEvent, event);
    }

    Pointer segmentEvent() {
        return segmentEvent;
    }

    /** Keeps a new reference to {@code next} (a caps or an event) in place of {@code old}. */
    private static Pointer replace(Pointer old, Pointer next) {
        GstNative.gst_mini_object_ref(next);
        if (old != null) {
            GstNative.gst_mini_object_unref(old);
        }
        return next;
    }

    YuvConverter yuv() {
        if (yuv == null) {
            yuv = new YuvConverter();
        }
        return yuv;
    }

    ByteBuffer compositeScratch(int bytes) {
        if (compositeScratch == null || compositeScratch.capacity() < bytes) {
            compositeScratch = ByteBuffer.allocateDirect(bytes);
        }
        return compositeScratch.clear();
    }

    void keepAlpha(ByteBuffer written) {
        if (lastAlpha == null || lastAlpha.capacity() != written.remaining()) {
            lastAlpha = ByteBuffer.allocateDirect(written.remaining());
        }
        lastAlpha.clear();
        lastAlpha.put(written.duplicate());
        lastAlpha.flip();
    }

    long remember(Pointer buffer) {
        long tag = nextTag++;
        pending.addLast(new long[] {tag, Pointer.nativeValue(buffer)});
        return tag;
    }

    int pendingCount() {
        return pending.size();
    }

    /** The input buffer submitted with this tag (ownership passes to the caller), or null. */
    Pointer take(long tag) {
        processed++;
        while (!pending.isEmpty()) {
            long[] head = pending.pollFirst();
            if (head[0] == tag) {
                return new Pointer(head[1]);
            }
            GstNative.gst_mini_object_unref(new Pointer(head[1]));
        }
        return null;
    }

    /** True the first time a seek with this seqnum comes by. */
    synchronized boolean firstSeek(int seqnum) {
        if (seqnum == lastSeekSeqnum) {
            return false;
        }
        lastSeekSeqnum = seqnum;
        return true;
    }

    /** FLUSH and the reset signal: forget temporal memory and the frames waiting in a chunk. */
    void forget(MattingStream stream) {
        if (stream != null) {
            stream.reset();
        }
        dropPending();
        lastAlpha = null;
    }

    /** PAUSED->READY and finalize: what the stream holds goes; the core's memory with it. */
    void release(MattingStream stream) {
        forget(stream);
        for (Pointer p : new Pointer[] {sinkCaps, streamStart, segmentEvent}) {
            if (p != null) {
                GstNative.gst_mini_object_unref(p);
            }
        }
        sinkCaps = null;
        streamStart = null;
        segmentEvent = null;
        if (yuv != null) {
            yuv.close();
            yuv = null;
        }
    }

    private void dropPending() {
        for (long[] p : pending) {
            GstNative.gst_mini_object_unref(new Pointer(p[1]));
        }
        pending.clear();
    }
}
