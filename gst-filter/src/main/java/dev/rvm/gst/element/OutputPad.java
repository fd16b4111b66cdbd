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
 * <p>Like multiqueue, a full pad lets its queue grow while a sibling pad is starved: a branch with a
 * deep encoder (x264enc looks ahead ~40 frames before its sink can preroll) must get frames although
 * the other branches' sinks already prerolled and stopped taking theirs.
 */
final class OutputPad {
    /** Buffers per pad in steady state: absorbs jitter, keeps latency and memory low. */
    private static final int CAPACITY = 3;
    /** Growth limit while a sibling starves; beyond it the stream waits rather than eat memory. */
    private static final int STARVING_SIBLING_LIMIT = 400;
    private static final long SIBLING_RECHECK_MS = 50;

    private record Item(Pointer object, boolean event, boolean eos) {}

    final Output output;
    final Pointer pad;
    /** The element's pads: its lock guards every queue and is what they wait on. */
    private final OutputPads group;
    private final Object lock;
    private final DebugCategory log;
    private final ArrayDeque<Item> items = new ArrayDeque<>();
    private int queuedBuffers;
    private boolean flushing = true;
    private boolean sawEos;
    private volatile int lastFlow = Layout.FLOW_OK;
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

    /**
     * False until the pad has been handed the stream's sticky events (stream-start, caps, segment): a
     * request pad added mid-stream gets them before its first buffer. Touched by the sink's streaming
     * thread only.
     */
    boolean primed;

    /** Queues a buffer (ownership passes); blocks while full; returns the pad's latest flow. */
    int pushBuffer(Pointer buffer) {
        return enqueue(new Item(buffer, false, false));
    }

    /** Queues a serialized event (ownership passes). */
    int pushEvent(Pointer event, boolean eos) {
        return enqueue(new Item(event, true, eos));
    }

    private int enqueue(Item item) {
        synchronized (lock) {
            while (!flushing && !item.event && mustWait()) {
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
            items.addLast(item);
            if (!item.event) {
                queuedBuffers++;
            }
            lock.notifyAll();
            return lastFlow;
        }
    }

    private boolean mustWait() {
        if (queuedBuffers < CAPACITY) {
            return false;
        }
        if (queuedBuffers >= STARVING_SIBLING_LIMIT) {
            return true;
        }
        for (OutputPad o : group.all()) {
            if (o != this && o.starving()) {
                return false;
            }
        }
        return true;
    }

    /** Waiting for data with nothing queued while its branch is live (called under the shared lock). */
    private boolean starving() {
        return !flushing && !sawEos && items.isEmpty() && lastFlow == Layout.FLOW_OK && isLinked();
    }

    /** Runs on the pad's task thread, once per item; a failure is logged and pauses the task with a flow error. */
    private void loop(Pointer userData) {
        if (Guarded.call(log, pad, "the " + output.padName + " pad's task", 0, this::pushNext) == 0) {
            lastFlow = Layout.FLOW_ERROR;
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
                lastFlow = Layout.FLOW_EOS;
                GstNative.gst_pad_pause_task(pad);
            }
        } else {
            int flow = GstNative.gst_pad_push(pad, item.object);
            lastFlow = flow;
            if (flow != Layout.FLOW_OK && flow != Layout.FLOW_NOT_LINKED) {
                GstNative.gst_pad_pause_task(pad);
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        }
        return 1;
    }

    /** Pad activation (READY->PAUSED) and FLUSH_STOP: accept items and (re)start the task. */
    void start() {
        synchronized (lock) {
            flushing = false;
            sawEos = false;
            lastFlow = Layout.FLOW_OK;
        }
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
            lastFlow = Layout.FLOW_FLUSHING;
            lock.notifyAll();
        }
    }

    private void dropItems() {
        synchronized (lock) {
            for (Item item : items) {
                GstNative.gst_mini_object_unref(item.object);
            }
            items.clear();
            queuedBuffers = 0;
        }
    }
}
