package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.DebugCategory;
import dev.rvm.gst.gobject.PadFunctions;
import dev.rvm.gst.natives.GstNative;

import java.util.ArrayList;
import java.util.List;

/**
 * The element's request pads: {@code alpha} and {@code fgr} (extra outputs, so alone the element is a
 * one-in, one-out filter as editors expect) and the {@code background} input. One of each at most;
 * each can be requested and released while the element runs.
 */
final class RequestPads {
    static final String BACKGROUND = "background";

    private final Pointer element;
    private final OutputPads outputs;
    private final ElementMessages messages;
    private final DebugCategory log;
    private volatile BackgroundInput background;
    /**
     * Released pads, still referenced: the sink's streaming thread may be using one while it is
     * released. Dropped when no stream runs ({@link #dropReleased}).
     */
    private final List<Pointer> released = new ArrayList<>();

    RequestPads(Pointer element, OutputPads outputs, ElementMessages messages, DebugCategory log) {
        this.element = element;
        this.outputs = outputs;
        this.messages = messages;
        this.log = log;
    }

    /** The background input, or null while no background pad was requested. */
    BackgroundInput background() {
        return background;
    }

    /** A new pad added to the element (activated by GStreamer when the element runs), or null. */
    synchronized Pointer request(String templateName, Pointer template) {
        Output output = Output.ofTemplate(templateName);
        boolean isBackground = BACKGROUND.equals(templateName);
        if (isBackground ? background != null : output == null || !output.requested() || outputs.get(output) != null) {
            log.log(DebugCategory.WARNING, element, "rvmmatte has one " + templateName + " pad; it is taken"
                    + " (tee its output for more branches)");
            return null;
        }
        Pointer pad = GstNative.gst_pad_new_from_template(template, templateName);
        GstNative.gst_object_ref(pad); // ours, beside the element's, until dropReleased
        if (isBackground) {
            PadFunctions.sinkWithActivation(pad);
            background = new BackgroundInput(pad, messages);
        } else {
            outputs.add(output, pad); // its first buffer waits for the stream's sticky events (OutputPads.prime)
        }
        GstNative.gst_element_add_pad(element, pad);
        return pad;
    }

    /** Stops what serves the pad, then deactivates and removes it. */
    synchronized void release(Pointer pad) {
        OutputPad out = outputs.find(pad);
        BackgroundInput bg = background;
        if (out != null) {
            outputs.remove(out);
        } else if (bg != null && bg.pad.equals(pad)) {
            bg.setFlushing(true); // its chain may be waiting; deactivation takes its stream lock
        } else {
            return;
        }
        GstNative.gst_pad_set_active(pad, 0);
        GstNative.gst_element_remove_pad(element, pad);
        if (bg != null && bg.pad.equals(pad)) {
            background = null;
        }
        released.add(pad);
    }

    /** No streaming thread runs (PAUSED->READY, finalize): released pads can go. */
    synchronized void dropReleased() {
        for (Pointer pad : released) {
            GstNative.gst_object_unref(pad);
        }
        released.clear();
    }

    /** Finalize: every pad we hold a reference to goes. */
    synchronized void dispose() {
        dropReleased();
        BackgroundInput bg = background;
        if (bg != null) {
            bg.setFlushing(true);
            GstNative.gst_object_unref(bg.pad);
        }
        for (OutputPad out : outputs.all()) {
            if (out.output.requested()) {
                GstNative.gst_object_unref(out.pad);
            }
        }
    }
}
