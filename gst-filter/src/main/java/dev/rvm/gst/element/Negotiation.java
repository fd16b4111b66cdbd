package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.Ref;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

/**
 * Caps: what the sink pad accepts (steered by what follows the composite), the src caps derived from
 * the sink caps (size, rate, aspect in each output's format), and errors that name the caps and the
 * fix before GStreamer's bare not-negotiated.
 */
final class Negotiation {
    private final OutputPads outputs;
    private final ElementMessages messages;

    Negotiation(OutputPads outputs, ElementMessages messages) {
        this.outputs = outputs;
        this.messages = messages;
    }

    /**
     * The CAPS and ACCEPT_CAPS queries on the sink pad; false when the query is another one (the
     * caller answers it with the default handler).
     */
    boolean answersSinkQuery(Pointer pad, Pointer query, int type) {
        if (type != Layout.QUERY_CAPS && type != Layout.QUERY_ACCEPT_CAPS) {
            return false;
        }
        long[] offered = new long[1];
        if (type == Layout.QUERY_CAPS) {
            GstNative.gst_query_parse_caps(query, offered);
        } else {
            GstNative.gst_query_parse_accept_caps(query, offered);
        }
        if (offered[0] != 0) {
            explainUnusableCaps(pad, new Pointer(offered[0]));
        }
        if (type != Layout.QUERY_CAPS) {
            return false; // the default handler checks ACCEPT_CAPS against the CAPS answer
        }
        try (Ref caps = Ref.miniObject(sinkCapsFor(offered[0] != 0 ? new Pointer(offered[0]) : null))) {
            GstNative.gst_query_set_caps_result(query, caps.get());
        }
        return true;
    }

    /**
     * The composite keeps the input's channel order (RGB-first in, RGBA out; BGR-first in, BGRA
     * out), so when downstream of src takes only one of RGBA/BGRA the sink asks upstream for the
     * matching input formats, letting a videoconvert in front pick one that negotiates.
     */
    private Pointer sinkCapsFor(Pointer filter) {
        boolean rgba;
        boolean bgra;
        OutputPad composite = outputs.get(Output.COMPOSITE);
        try (Ref downstream = Ref.miniObject(GstNative.gst_pad_peer_query_caps(composite.pad, null))) {
            rgba = takes(downstream.get(), "RGBA");
            bgra = takes(downstream.get(), "BGRA");
        }
        String formats = rgba == bgra ? RvmMatteDescriptor.SINK_FORMATS : rgba ? "{ RGB, RGBA, RGBx }" : "{ BGR, BGRA, BGRx }";
        Pointer caps = GstNative.gst_caps_from_string("video/x-raw, format=(string)" + formats + ", " + RvmMatteDescriptor.SIZE);
        if (filter == null) {
            return caps;
        }
        try (Ref unfiltered = Ref.miniObject(caps)) {
            return GstNative.gst_caps_intersect_full(filter, unfiltered.get(), Layout.CAPS_INTERSECT_FIRST);
        }
    }

    private static boolean takes(Pointer downstream, String format) {
        try (Ref one = Ref.miniObject(GstNative.gst_caps_from_string("video/x-raw, format=(string)" + format))) {
            return GstNative.gst_caps_can_intersect(downstream, one.get()) != 0;
        }
    }

    private void explainUnusableCaps(Pointer pad, Pointer offered) {
        if (GstNative.gst_caps_is_fixed(offered) == 0) {
            return;
        }
        boolean formatKnown;
        try (Ref template = Ref.miniObject(GstNative.gst_pad_get_pad_template_caps(pad))) {
            formatKnown = GstNative.gst_caps_can_intersect(offered, template.get()) != 0;
        }
        boolean usable;
        try (Ref acceptable = Ref.miniObject(sinkCapsFor(null))) {
            usable = GstNative.gst_caps_can_intersect(offered, acceptable.get()) != 0;
        }
        if (!formatKnown) {
            messages.notNegotiated("rvmmatte cannot take " + GstNative.gst_caps_to_string(offered)
                    + "; put videoconvert before rvmmatte", "the sink pad takes " + RvmMatteDescriptor.SINK_FORMATS);
        } else if (!usable) {
            messages.notNegotiated("rvmmatte cannot turn " + GstNative.gst_caps_to_string(offered)
                            + " into what follows its src pad; put videoconvert before or after rvmmatte",
                    "the composite keeps the input's channel order (RGB-first in: RGBA out, BGR-first in: BGRA out)"
                            + " and the element after src takes only the other one");
        }
    }

    /**
     * The sink's CAPS event: the video it describes, or null (an error has been posted) when the element
     * cannot take it. Takes nothing: the caller still owns the event.
     */
    VideoCaps parseSinkCaps(Pointer event) {
        long[] caps = new long[1];
        GstNative.gst_event_parse_caps(event, caps);
        Pointer c = new Pointer(caps[0]);
        VideoCaps video = VideoCaps.parse(c);
        if (video.format() == null || video.width() <= 0 || video.height() <= 0) {
            messages.notNegotiated("rvmmatte cannot take " + GstNative.gst_caps_to_string(c) + " on its sink pad",
                    "supported: packed 8-bit RGB, BGR, RGBA, BGRA, RGBx, BGRx; put videoconvert before rvmmatte");
            return null;
        }
        return video;
    }

    /** Queues a CAPS event on every src pad: the sink caps in the pad's format. */
    void pushSrcCaps(Pointer sinkEvent, VideoCaps video) {
        long[] caps = new long[1];
        GstNative.gst_event_parse_caps(sinkEvent, caps);
        for (OutputPad out : outputs.all()) {
            try (Ref srcCaps = Ref.miniObject(VideoCaps.derive(new Pointer(caps[0]), out.output.format(video),
                    out.output.dropsColour))) {
                out.pushEvent(GstNative.gst_event_new_caps(srcCaps.get()), false); // the event takes its own ref
            }
        }
    }
}
