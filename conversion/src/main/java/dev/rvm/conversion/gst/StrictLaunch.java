package dev.rvm.conversion.gst;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.rvm.gst.BusErrors;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.glib.Natives;

/**
 * Pipelines from gst-launch descriptions, refused whole on any parse error as {@code gst-launch-1.0}
 * does: {@code gst_parse_launch_full} with {@code GST_PARSE_FLAG_FATAL_ERRORS}. gst1-java-core's
 * {@code Gst.parseLaunch} only logs the errors it calls recoverable (an unknown element or property,
 * a dangling link, a stray bracket) and hands back the partial pipeline, which then runs or hangs.
 */
public final class StrictLaunch {
    static {
        Native.register(StrictLaunch.class, NativeLibrary.getInstance("gstreamer-1.0"));
    }

    /** GST_PARSE_FLAG_FATAL_ERRORS: no pipeline at all rather than one with parts missing. */
    private static final int FATAL_ERRORS = 1 << 0;

    private StrictLaunch() {
    }

    /** A description GStreamer refused; the message is GStreamer's, with the description. */
    public static final class ParseError extends IllegalArgumentException {
        public ParseError(String message) {
            super(message);
        }
    }

    /**
     * Parses a description into a pipeline that has not started. A description of one element is put in
     * a pipeline of its own, as gst-launch-1.0 does.
     *
     * @throws ParseError on any error, before anything was started
     */
    public static Pipeline parse(String description) {
        long[] error = new long[1];
        Pointer raw = gst_parse_launch_full(description, null, FATAL_ERRORS, error);
        String reason = error[0] == 0 ? null : BusErrors.takeMessage(error[0]);
        if (raw == null || reason != null) {
            if (raw != null) {
                // not expected with FATAL_ERRORS; never run what GStreamer complained about
                Natives.objectFor(raw, Element.class, false, true).dispose();
            }
            throw new ParseError("cannot build the pipeline '" + description + "': "
                    + (reason == null ? "GStreamer gave no reason" : reason)
                    + " (gst-inspect-1.0 lists the elements; gst-inspect-1.0 NAME shows an element's pads and properties)");
        }
        Element element = Natives.objectFor(raw, Element.class, false, true);
        if (element instanceof Pipeline pipeline) {
            return pipeline;
        }
        Pipeline pipeline = new Pipeline();
        pipeline.add(element);
        return pipeline;
    }

    private static native Pointer gst_parse_launch_full(String description, Pointer context, int flags, long[] error);
}
