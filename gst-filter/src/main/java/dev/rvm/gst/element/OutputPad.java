package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.JavaElementType;
import dev.rvm.gst.natives.Callbacks;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

import java.util.ArrayDeque;

/**
 * One src pad with its own streaming task and a small bounded hand-off from the sink pad's thread, so
 * each downstream branch prerolls on its own (three sinks behind one thread would deadlock like
 * {@code tee} without queues). Items are buffers and serialized events, in order.
 */
final class OutputPad {
    /** Buffers waiting per pad: enough to absorb jitter, small enough to keep latency and memory low. */
    private static final int CAPACITY = 3;

    private record Item(Pointer object, boolean event, boolean eos) {}

    final String name;
    final Pointer pad;
    private final ArrayDeque<Item> items = new ArrayDeque<>();
    private int queuedBuffers;
    private boolean flushing = true;
    private volatile int lastFlow = Layout.FLOW_OK;
    private final Callbacks.TaskFunction loop = this::loop;

    OutputPad(String name, Pointer pad) {
        this.name = name;
        this.pad = pad;
        JavaElementType.keepThreadsAttached(loop);
    }

    /** The callback object handed to gst_pad_start_task; the element keeps this OutputPad reachable. */
    Callbacks.TaskFunction taskFunction() {
        return loop;
    }

    int lastFlow() {
        return lastFlow;
    }

    boolean isLinked() {
        return GstNative.gst_pad_is_linked(pad) != 0;
    }

    /** Queues a buffer (ownership passes); blocks while full; returns the pad's latest flow. */
    int pushBuffer(Pointer buffer) {
        return enqueue(new Item(buffer, false, false));
    }

    /** Queues a serialized event (ownership passes). */
    int pushEvent(Pointer event, boolean eos) {
        return enqueue(new Item(event, true, eos));
    }

    private synchronized int enqueue(Item item) {
        while (!flushing && !item.event && queuedBuffers >= CAPACITY) {
            try {
                wait();
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
        notifyAll();
        return lastFlow;
    }

    /** Runs on the pad's task thread, once per item. */
    private void loop(Pointer userData) {
        try {
            Item item;
            synchronized (this) {
                while (!flushing && items.isEmpty()) {
                    wait();
                }
                if (flushing) {
                    GstNative.gst_pad_pause_task(pad);
                    return;
                }
                item = items.pollFirst();
                if (!item.event) {
                    queuedBuffers--;
                }
                notifyAll();
            }
            if (item.event) {
                GstNative.gst_pad_push_event(pad, item.object);
                if (item.eos) {
                    lastFlow = Layout.FLOW_EOS;
                    GstNative.gst_pad_pause_task(pad);
                }
            } else {
                int flow = GstNative.gst_pad_push(pad, item.object);
                lastFlow = flow;
                if (flow != Layout.FLOW_OK && flow != Layout.FLOW_NOT_LINKED) {
                    GstNative.gst_pad_pause_task(pad);
                }
            }
        } catch (Throwable t) {
            lastFlow = Layout.FLOW_ERROR;
            GstNative.gst_pad_pause_task(pad);
        }
    }

    /** Pad activation (READY->PAUSED) and FLUSH_STOP: accept items and (re)start the task. */
    void start() {
        synchronized (this) {
            flushing = false;
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

    private synchronized void setFlushing() {
        flushing = true;
        lastFlow = Layout.FLOW_FLUSHING;
        notifyAll();
    }

    private synchronized void dropItems() {
        for (Item item : items) {
            GstNative.gst_mini_object_unref(item.object);
        }
        items.clear();
        queuedBuffers = 0;
    }
}
