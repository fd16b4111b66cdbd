package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.DebugCategory;
import dev.rvm.gst.gobject.Guarded;
import dev.rvm.gst.gobject.JavaElementType;
import dev.rvm.gst.natives.Callbacks;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

import java.util.ArrayDeque;

/**
 * One src pad with its own streaming task and a bounded hand-off from the sink pad's thread, so each
 * downstream branch prerolls on its own (three sinks behind one thread deadlock like {@code tee}
 * without queues). Items are buffers and serialized events, in order.
 *
 * <p>Its flow is the branch's: once downstream answers EOS the pad takes no more buffers (events still
 * go, up to the stream's EOS) while its siblings go on; an error pauses it. Every flow is reported to
 * the element's {@link FlowCombiner}, which decides what upstream hears.
 *
 * <p>Bounds ({@link HandOffLimits}): a pad holds a few buffers in steady state. Like multiqueue, a full
 * pad may grow while a sibling pad is starved (x264enc looks ahead ~40 frames before its sink can
 * preroll, while the other branches' sinks already prerolled and stopped taking theirs), up to the
 * first of the limits' buffers, stream time and element-wide bytes; beyond them the stream waits.
 */
final class OutputPad {
    private static final long SIBLING_RECHECK_MS = 50;

    private record Item(Pointer object, boolean event, boolean eos, long bytes, long pts) {}

    final Output output;
    final Pointer pad;
    /** The element's pads: its lock guards every queue and is what they wait on. */
    private final OutputPads group;
    private final Object lock;
    private final DebugCategory log;
    private final ArrayDeque<Item> items = new ArrayDeque<>();
    private int queuedBuffers;
    private long newestPts = Layout.CLOCK_TIME_NONE;
    private boolean flushing = true;
    private boolean sawEos;
    private volatile int lastFlow = Layout.FLOW_OK;
    /** QoS: running time before which this branch's sink finds frames too late ({@link Qos}). */
    volatile long qosEarliest = Layout.CLOCK_TIME_NONE;
    private final Callbacks.TaskFunction loop = this::loop;

    OutputPad(Output output, Pointer pad, OutputPads group, DebugCategory log) {
        this.output = output;
        this.pad = pad;
        this.group = group;
        this.lock = group.lock;
        this.log = log;
        JavaElementType.keepThreadsAttached(loop);
    }

    int lastFlow() {
        return lastFlow;
    }

    /** Whether anything downstream takes this pad's output (see {@link PeerLinks}). */
    boolean isLinked() {
        return PeerLinks.isLinked(pad);
    }

    /** Whether a new frame for this pad is worth making: linked, and its branch has not ended or failed. */
    boolean wantsFrames() {
        int f = lastFlow;
        if (f == Layout.FLOW_EOS || f < Layout.FLOW_EOS) {
            return false;
        }
        if (!isLinked()) {
            if (f != Layout.FLOW_NOT_LINKED) {
                report(Layout.FLOW_NOT_LINKED);
            }
            return false;
        }
        return true;
    }

    /**
     * False until the pad has been handed the stream's sticky events (stream-start, caps, segment): a
     * request pad added mid-stream gets them before its first buffer. Touched by the sink's streaming
     * thread only.
     */
    boolean primed;

    /** Queues a buffer (ownership passes); blocks while full; returns the combined flow. */
    int pushBuffer(Pointer buffer) {
        return enqueue(new Item(buffer, false, false, GstNative.gst_buffer_get_size(buffer),
                buffer.getLong(Layout.GST_BUFFER_PTS)));
    }

    /** Queues a serialized event (ownership passes). */
    int pushEvent(Pointer event, boolean eos) {
        return enqueue(new Item(event, true, eos, 0, Layout.CLOCK_TIME_NONE));
    }

    private int enqueue(Item item) {
        synchronized (lock) {
            while (!flushing && !item.event && !ended() && mustWait()) {
                try {
                    // nothing signals a sibling pad being linked (a request pad mid-stream): look again soon
                    lock.wait(SIBLING_RECHECK_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (flushing) {
                GstNative.gst_mini_object_unref(item.object);
                return Layout.FLOW_FLUSHING;
            }
            if (sawEos || lastFlow < Layout.FLOW_EOS || (!item.event && lastFlow == Layout.FLOW_EOS)) {
                GstNative.gst_mini_object_unref(item.object); // the branch ended or failed: nothing more for it
                return group.combinedFlow();
            }
            items.addLast(item);
            if (!item.event) {
                queuedBuffers++;
                group.queuedBytes += item.bytes;
                if (item.pts != Layout.CLOCK_TIME_NONE) {
                    newestPts = item.pts;
                }
            }
            lock.notifyAll();
            return group.combinedFlow();
        }
    }

    /** Downstream said EOS or failed: buffers are dropped, not waited for (called under the lock). */
    private boolean ended() {
        return sawEos || lastFlow == Layout.FLOW_EOS || lastFlow < Layout.FLOW_EOS;
    }

    private boolean mustWait() {
        HandOffLimits limits = group.limits;
        if (queuedBuffers < limits.steadyBuffers()) {
            return false;
        }
        if (queuedBuffers >= limits.maxBuffers() || group.queuedBytes >= limits.maxBytes()
                || queuedTime() >= limits.maxTimeNanos()) {
            return true;
        }
        for (OutputPad o : group.all()) {
            if (o != this && o.starving()) {
                return false;
            }
        }
        return true;
    }

    /** Stream time between the oldest and the newest queued buffer (0 when unknown). */
    private long queuedTime() {
        Item head = items.peekFirst();
        if (head == null || head.event || head.pts == Layout.CLOCK_TIME_NONE || newestPts == Layout.CLOCK_TIME_NONE) {
            return 0;
        }
        return Math.max(0, newestPts - head.pts);
    }

    /**
     * Waiting for data with nothing queued while its branch is live (called under the shared lock). A
     * pad last seen unlinked counts once it is linked: a request pad linked mid-stream says NOT_LINKED
     * until its first push, and the stream must not wait on a full sibling while it starves.
     */
    private boolean starving() {
        int f = lastFlow;
        return !flushing && !sawEos && items.isEmpty() && (f == Layout.FLOW_OK || f == Layout.FLOW_NOT_LINKED)
                && isLinked();
    }

    /** Runs on the pad's task thread, once per item; a failure is logged and pauses the task with a flow error. */
    private void loop(Pointer userData) {
        if (Guarded.call(log, pad, "the " + output.padName + " pad's task", 0, this::pushNext) == 0) {
            report(Layout.FLOW_ERROR);
            GstNative.gst_pad_pause_task(pad);
        }
    }

    /** Pushes the next item; 0 when interrupted. */
    private int pushNext() {
        Item item;
        synchronized (lock) {
            while (!flushing && items.isEmpty()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
            if (flushing) {
                GstNative.gst_pad_pause_task(pad);
                return 1;
            }
            item = items.pollFirst();
            if (!item.event) {
                queuedBuffers--;
                group.queuedBytes -= item.bytes;
            }
            lock.notifyAll();
        }
        if (item.event) {
            GstNative.gst_pad_push_event(pad, item.object);
            if (item.eos) {
                synchronized (lock) {
                    sawEos = true;
                    lock.notifyAll();
                }
                report(Layout.FLOW_EOS);
                GstNative.gst_pad_pause_task(pad);
            }
        } else if (lastFlow == Layout.FLOW_EOS) {
            GstNative.gst_mini_object_unref(item.object); // queued before downstream said EOS
        } else {
            int flow = GstNative.gst_pad_push(pad, item.object);
            report(flow);
            if (flow < Layout.FLOW_EOS) {
                GstNative.gst_pad_pause_task(pad);
            }
            if (flow != Layout.FLOW_OK) {
                synchronized (lock) {
                    lock.notifyAll(); // a sink thread waiting for room must see the branch ended
                }
            }
        }
        return 1;
    }

    private void report(int flow) {
        lastFlow = flow;
        group.combiner.update(pad, flow);
    }

    /** Pad activation (READY->PAUSED) and FLUSH_STOP: accept items and (re)start the task. */
    void start() {
        synchronized (lock) {
            flushing = false;
            sawEos = false;
            newestPts = Layout.CLOCK_TIME_NONE;
        }
        qosEarliest = Layout.CLOCK_TIME_NONE;
        report(Layout.FLOW_OK);
        GstNative.gst_pad_start_task(pad, loop, null, null);
    }

    /** FLUSH_START: refuse and drop items, wake everyone, and wait for the task to stop pushing. */
    void flush() {
        setFlushing();
        GstNative.gst_pad_pause_task(pad);
        dropItems();
    }

    /** Deactivation (PAUSED->READY): like a flush, then join the task thread. */
    void stop() {
        setFlushing();
        GstNative.gst_pad_stop_task(pad);
        dropItems();
    }

    private void setFlushing() {
        synchronized (lock) {
            flushing = true;
            lock.notifyAll();
        }
        report(Layout.FLOW_FLUSHING);
    }

    private void dropItems() {
        synchronized (lock) {
            for (Item item : items) {
                GstNative.gst_mini_object_unref(item.object);
                if (!item.event) {
                    group.queuedBytes -= item.bytes;
                }
            }
            items.clear();
            queuedBuffers = 0;
        }
    }
}
