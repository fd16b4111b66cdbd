package dev.rvm.gst.element;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.BufferMap;
import dev.rvm.gst.gobject.Ref;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * The {@code background} request pad: frames of another video the person is composited over. Each
 * person frame takes the latest background frame at or before its running time; with none (the
 * background starts later, has ended, or sends nothing) the composite falls back to the colour.
 *
 * <p>Two streaming threads meet here. The background's waits while it is {@link #CAPACITY} frames
 * ahead of the person stream, so memory stays bounded; the person's waits for a background frame
 * later than its own (then it knows which one is the latest before it) at most {@link #WAIT_NANOS},
 * and after one such timeout not again until the background sends something: a background that
 * stalls slows nothing down. EOS of the person stream makes the background return EOS, a flush or
 * deactivation of either side wakes the other, so neither can hold the other for good.
 */
final class BackgroundInput {
    /** Background frames held ahead of the person stream. */
    static final int CAPACITY = 3;
    /** How long a person frame waits for the background to catch up before it takes what there is. */
    static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record Frame(Pointer buffer, long runningTime, long end) {}

    final Pointer pad;
    private final ElementMessages messages;
    private final Object lock = new Object();
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    // background thread
    private final Memory segment = new Memory(Layout.GST_SEGMENT_SIZE);
    private volatile boolean haveSegment;
    private volatile FrameLayout layout;
    // guarded by lock
    private boolean flushing = true;
    private boolean ended;
    private boolean personDone;
    private boolean personFlushing;
    private boolean stalled;
    // person thread: the frame being composited
    private final BufferMap map = new BufferMap();
    private Pointer held;

    BackgroundInput(Pointer pad, ElementMessages messages) {
        this.pad = pad;
        this.messages = messages;
    }

    // ---- the background's streaming thread ------------------------------------------------------

    /** Takes ownership of the buffer; blocks while the background is far enough ahead. */
    int chain(Pointer buffer) {
        FrameLayout l = layout;
        if (l == null) {
            GstNative.gst_mini_object_unref(buffer);
            messages.notNegotiated("rvmmatte's background pad got a buffer before caps", null);
            return Layout.FLOW_NOT_NEGOTIATED;
        }
        long pts = buffer.getLong(Layout.GST_BUFFER_PTS);
        long duration = buffer.getLong(Layout.GST_BUFFER_DURATION);
        long rt = runningTime(pts);
        long end = rt == Layout.CLOCK_TIME_NONE || duration == Layout.CLOCK_TIME_NONE ? Layout.CLOCK_TIME_NONE
                : runningTime(pts + duration);
        synchronized (lock) {
            while (!flushing && !personDone && frames.size() >= CAPACITY) {
                if (!await(0)) {
                    break;
                }
            }
            if (flushing || personDone) {
                GstNative.gst_mini_object_unref(buffer);
                return flushing ? Layout.FLOW_FLUSHING : Layout.FLOW_EOS;
            }
            frames.addLast(new Frame(buffer, rt == Layout.CLOCK_TIME_NONE ? 0 : rt, end));
            stalled = false;
            lock.notifyAll();
        }
        return Layout.FLOW_OK;
    }

    private long runningTime(long pts) {
        if (!haveSegment || pts == Layout.CLOCK_TIME_NONE) {
            return Layout.CLOCK_TIME_NONE;
        }
        return GstNative.gst_segment_to_running_time(segment, Layout.FORMAT_TIME, pts);
    }

    /** Every event ends here (nothing of the background goes downstream); takes ownership. */
    boolean event(Pointer event) {
        try {
            switch (event.getInt(Layout.GST_EVENT_TYPE)) {
                case Layout.EVENT_CAPS:
                    return onCaps(Negotiation.capsOf(event));
                case Layout.EVENT_SEGMENT:
                    GstNative.gst_event_copy_segment(event, segment);
                    haveSegment = true;
                    return true;
                case Layout.EVENT_EOS:
                    synchronized (lock) {
                        ended = true;
                        lock.notifyAll();
                    }
                    return true;
                case Layout.EVENT_FLUSH_START:
                    setFlushing(true);
                    return true;
                case Layout.EVENT_FLUSH_STOP:
                    setFlushing(false);
                    return true;
                default:
                    return true;
            }
        } finally {
            GstNative.gst_mini_object_unref(event);
        }
    }

    private boolean onCaps(Pointer caps) {
        VideoCaps video = VideoCaps.parse(caps);
        if (!isRawVideo(caps) || video.format() == null || video.width() <= 0 || video.height() <= 0) {
            refuse(caps);
            return false;
        }
        layout = video.layout();
        return true;
    }

    private static boolean isRawVideo(Pointer caps) {
        return "video/x-raw".equals(GstNative.gst_structure_get_name(GstNative.gst_caps_get_structure(caps, 0)));
    }

    private void refuse(Pointer caps) {
        messages.notNegotiated("rvmmatte's background pad takes raw video in " + RvmMatteDescriptor.SINK_FORMATS
                        + ", not " + GstNative.gst_caps_to_string(caps)
                        + "; link a video through videoconvert to it (... ! videoconvert ! m.background)",
                "any size and frame rate; frames are scaled to cover the person's frame and matched by running time");
    }

    /**
     * CAPS: the template (any size, packed RGB formats). ACCEPT_CAPS of fixed caps that are no such
     * video get the error that names the fix; others go unanswered (nothing to forward them to).
     */
    boolean query(Pointer query) {
        int type = query.getInt(Layout.GST_QUERY_TYPE);
        if (type == Layout.QUERY_CAPS) {
            long[] filter = new long[1];
            GstNative.gst_query_parse_caps(query, filter);
            try (Ref template = Ref.miniObject(GstNative.gst_pad_get_pad_template_caps(pad))) {
                if (filter[0] == 0) {
                    GstNative.gst_query_set_caps_result(query, template.get());
                } else {
                    try (Ref result = Ref.miniObject(GstNative.gst_caps_intersect_full(new Pointer(filter[0]),
                            template.get(), Layout.CAPS_INTERSECT_FIRST))) {
                        GstNative.gst_query_set_caps_result(query, result.get());
                    }
                }
            }
            return true;
        }
        if (type == Layout.QUERY_ACCEPT_CAPS) {
            long[] offered = new long[1];
            GstNative.gst_query_parse_accept_caps(query, offered);
            boolean ok = offered[0] != 0 && Negotiation.fitsTemplate(pad, new Pointer(offered[0]));
            if (!ok && offered[0] != 0) {
                refuse(new Pointer(offered[0]));
            }
            GstNative.gst_query_set_accept_caps_result(query, ok ? 1 : 0);
            return true;
        }
        return false;
    }

    /**
     * Pad (de)activation and flushes: a deactivated pad's chain must not wait (its stream lock is
     * wanted); an activated or flushed one starts a new stream (no EOS, a segment to come).
     */
    void setFlushing(boolean flushing) {
        synchronized (lock) {
            this.flushing = flushing;
            if (flushing) {
                dropFrames();
            } else {
                ended = false;
                haveSegment = false;
            }
            lock.notifyAll();
        }
    }

    // ---- the person's streaming thread ------------------------------------------------------------

    /**
     * What the frame at {@code runningTime} is composited over: the latest background frame at or before
     * it (mapped until {@link #releaseHeld}), else {@code fallback}.
     */
    Backdrop acquire(long runningTime, Background fallback) {
        releaseHeld();
        Pointer buffer = select(runningTime);
        if (buffer == null) {
            return Backdrop.of(fallback);
        }
        ByteBuffer pixels = map.map(buffer, Layout.MAP_READ);
        if (pixels == null || map.size() < layout.byteSize()) {
            if (pixels != null) {
                map.unmap(buffer);
            }
            GstNative.gst_mini_object_unref(buffer);
            return Backdrop.of(fallback);
        }
        held = buffer;
        return Backdrop.video(pixels, layout);
    }

    /** Unmaps and lets go of the frame the last {@link #acquire} handed out. */
    void releaseHeld() {
        if (held != null) {
            map.unmap(held);
            GstNative.gst_mini_object_unref(held);
            held = null;
        }
    }

    private Pointer select(long t) {
        boolean linked = PeerLinks.isLinked(pad);
        long deadline = System.nanoTime() + WAIT_NANOS;
        synchronized (lock) {
            while (true) {
                dropSuperseded(t);
                if (!linked || flushing || personFlushing || ended || stalled || t == Layout.CLOCK_TIME_NONE
                        || (!frames.isEmpty() && Long.compareUnsigned(frames.peekLast().runningTime(), t) > 0)) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !await(left)) {
                    stalled = true;
                    break;
                }
            }
            Frame f = frames.peekFirst();
            if (f == null || (t != Layout.CLOCK_TIME_NONE && Long.compareUnsigned(f.runningTime(), t) > 0)) {
                return null; // the background starts later
            }
            if (ended && frames.size() == 1 && f.end() != Layout.CLOCK_TIME_NONE && t != Layout.CLOCK_TIME_NONE
                    && Long.compareUnsigned(t, f.end()) >= 0) {
                return null; // the background is over
            }
            return GstNative.gst_mini_object_ref(f.buffer());
        }
    }

    /** Frames with a later one still at or before {@code t} are never shown again. */
    private void dropSuperseded(long t) {
        boolean dropped = false;
        while (frames.size() >= 2) {
            Iterator<Frame> it = frames.iterator();
            it.next();
            Frame second = it.next();
            if (t != Layout.CLOCK_TIME_NONE && Long.compareUnsigned(second.runningTime(), t) > 0) {
                break;
            }
            GstNative.gst_mini_object_unref(frames.pollFirst().buffer());
            dropped = true;
        }
        if (dropped) {
            lock.notifyAll();
        }
    }

    /** The person stream flushes (a seek) or stops: its waits end at once until {@link #personResumed}. */
    void personFlushing() {
        synchronized (lock) {
            personFlushing = true;
            lock.notifyAll();
        }
    }

    void personResumed() {
        synchronized (lock) {
            personFlushing = false;
            personDone = false;
            stalled = false;
        }
    }

    /** EOS of the person stream: the background's frames are no longer wanted. */
    void personEnded() {
        synchronized (lock) {
            personDone = true;
            dropFrames();
            lock.notifyAll();
        }
    }

    private void dropFrames() {
        for (Frame f : frames) {
            GstNative.gst_mini_object_unref(f.buffer());
        }
        frames.clear();
    }

    /** Waits on the lock (held) for up to {@code nanos} (0: until notified); false when interrupted. */
    private boolean await(long nanos) {
        try {
            if (nanos == 0) {
                lock.wait();
            } else {
                TimeUnit.NANOSECONDS.timedWait(lock, nanos);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
