package dev.rvm.gst.gobject;

import com.sun.jna.Pointer;
import dev.rvm.gst.descriptor.Statistic;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.settings.Setting;

/**
 * The Java side of one element instance: what {@link JavaElementType}'s vfuncs and {@link PadFunctions}
 * dispatch to. Exceptions are caught by them and logged through {@link #log()}.
 */
public interface ElementInstance {

    /** The element's debug category. */
    DebugCategory log();

    /** A property write, checked by the setting: an IllegalArgumentException refuses it (the old value stays). */
    void set(Setting<?> setting, Object value);

    Object get(Setting<?> setting);

    double read(Statistic statistic);

    /** Before the parent class runs the transition; false fails it (an error has been posted). */
    boolean beforeTransition(int transition);

    /** After the parent class ran the transition successfully. */
    void afterTransition(int transition);

    void actionSignal(String name);

    /**
     * A pad of one of the descriptor's request templates ({@code m.alpha} in gst-launch): make it from
     * {@code template} (gst_pad_new_from_template), set it up and add it to the element; null refuses.
     */
    default Pointer requestPad(String templateName, Pointer template) {
        return null;
    }

    /** A request pad given back: stop what serves it and remove it from the element. */
    default void releasePad(Pointer pad) {
    }

    /** The GObject is being finalized: release native resources. */
    void dispose();

    /** A sink pad's chain function: takes ownership of the buffer, returns a GstFlowReturn. */
    default int chain(Pointer pad, Pointer buffer) {
        GstNative.gst_mini_object_unref(buffer);
        return Layout.FLOW_NOT_SUPPORTED;
    }

    /**
     * The chain function threw: post the error message that returning GST_FLOW_ERROR owes the
     * application (GST_ELEMENT_FLOW_ERROR).
     */
    void chainFailed(Pointer pad, Throwable failure);

    /** Any pad's event function: takes ownership of the event. */
    default boolean event(Pointer pad, Pointer parent, Pointer event) {
        return GstNative.gst_pad_event_default(pad, parent, event) != 0;
    }

    /** Any pad's query function (the query stays the caller's). */
    default boolean query(Pointer pad, Pointer parent, Pointer query) {
        return GstNative.gst_pad_query_default(pad, parent, query) != 0;
    }

    /**
     * Activation in push mode of a src pad (start or stop its task) or of a sink pad made with
     * {@link PadFunctions#sinkWithActivation}.
     */
    default boolean activateMode(Pointer pad, int mode, boolean active) {
        return true;
    }
}
