package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.Ref;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.compositing.YuvConverter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Caps: what the sink pad accepts, the src caps derived from the sink caps (size, rate, aspect in each
 * output's format), the composite's format chosen from what follows src, and errors that name the caps
 * and the fix before GStreamer's bare not-negotiated.
 */
final class Negotiation {
    private final OutputPads outputs;
    private final ElementMessages messages;

    Negotiation(OutputPads outputs, ElementMessages messages) {
        this.outputs = outputs;
        this.messages = messages;
    }

    /**
     * The ACCEPT_CAPS query on the sink pad: fixed caps the element cannot take get an error naming them
     * and the fix. Always false: the default handler answers (against the template).
     */
    boolean answersSinkQuery(Pointer pad, Pointer query, int type) {
        if (type == Layout.QUERY_ACCEPT_CAPS) {
            long[] offered = new long[1];
            GstNative.gst_query_parse_accept_caps(query, offered);
            if (offered[0] != 0 && !fitsTemplate(pad, new Pointer(offered[0]))) {
                messages.notNegotiated("rvmmatte cannot take " + GstNative.gst_caps_to_string(new Pointer(offered[0]))
                        + "; put videoconvert before rvmmatte", "the sink pad takes " + RvmMatteDescriptor.SINK_FORMATS);
            }
        }
        return false;
    }

    /** Whether fixed caps fit the pad's template (unfixed caps are a question, not an offer: true). */
    static boolean fitsTemplate(Pointer pad, Pointer caps) {
        if (GstNative.gst_caps_is_fixed(caps) == 0) {
            return true;
        }
        try (Ref template = Ref.miniObject(GstNative.gst_pad_get_pad_template_caps(pad))) {
            return GstNative.gst_caps_can_intersect(caps, template.get()) != 0;
        }
    }

    /**
     * The sink's CAPS event: the video it describes, or null (an error has been posted) when the element
     * cannot take it. Takes nothing: the caller still owns the event.
     */
    VideoCaps parseSinkCaps(Pointer event) {
        Pointer c = capsOf(event);
        VideoCaps video = VideoCaps.parse(c);
        if (video.format() == null || video.width() <= 0 || video.height() <= 0) {
            messages.notNegotiated("rvmmatte cannot take " + GstNative.gst_caps_to_string(c) + " on its sink pad",
                    "supported: packed 8-bit RGB, BGR, RGBA, BGRA, RGBx, BGRx; put videoconvert before rvmmatte");
            return null;
        }
        return video;
    }

    static Pointer capsOf(Pointer capsEvent) {
        long[] caps = new long[1];
        GstNative.gst_event_parse_caps(capsEvent, caps);
        return new Pointer(caps[0]);
    }

    /**
     * The composite's format for the configured stream: the first of what src offers that the element
     * after src takes, in that element's order of preference (x264enc: 4:2:0; a display: its RGB order;
     * anything: the input's channel order with alpha). Null when it takes none of them.
     */
    CompositeFormat chooseComposite(State st, boolean opaque) {
        List<CompositeFormat> offered = CompositeFormat.offered(opaque, st.video.bgrFirst());
        Pointer ours = null;
        for (CompositeFormat f : offered) {
            Pointer caps = compositeCaps(st, f);
            if (ours == null) {
                ours = caps;
            } else {
                GstNative.gst_caps_append(ours, caps);
            }
        }
        try (Ref candidates = Ref.miniObject(ours);
             Ref peer = Ref.miniObject(GstNative.gst_pad_peer_query_caps(outputs.get(Output.COMPOSITE).pad, null));
             Ref common = Ref.miniObject(GstNative.gst_caps_intersect_full(peer.get(), candidates.get(),
                     Layout.CAPS_INTERSECT_FIRST))) {
            if (GstNative.gst_caps_is_empty(common.get()) != 0) {
                return null;
            }
            return CompositeFormat.named(GstNative.gst_structure_get_string(
                    GstNative.gst_caps_get_structure(common.get(), 0), "format"));
        }
    }

    /** The not-negotiated error when what follows src takes none of the composite's formats. */
    void compositeRefused(State st, boolean opaque) {
        String offered = CompositeFormat.offered(opaque, st.video.bgrFirst()).stream().map(f -> f.gstName)
                .collect(Collectors.joining(", "));
        String downstream;
        try (Ref peer = Ref.miniObject(GstNative.gst_pad_peer_query_caps(outputs.get(Output.COMPOSITE).pad, null))) {
            downstream = GstNative.gst_caps_to_string(peer.get());
        }
        String text = opaque
                ? "the element after rvmmatte's src pad takes none of " + offered + " at " + st.video.width() + "x"
                        + st.video.height() + "; put videoconvert after rvmmatte"
                : "rvmmatte's composite is straight-alpha " + offered + " when nothing is behind the person (background=none,"
                        + " no background pad), and the element after src takes none of them; put videoconvert after"
                        + " rvmmatte, or choose a background (color, image, blur) for opaque formats such as I420";
        messages.notNegotiated(text, "src can give " + offered + "; downstream takes " + downstream);
    }

    /**
     * The background changed between none and opaque, or what follows src asked to reconfigure: choose
     * the composite's format again and tell src when it changes. A composite that cannot become
     * straight alpha stays as it is, over the colour, with a warning: the stream goes on.
     */
    void renegotiate(State st, boolean opaque) {
        CompositeFormat f = chooseComposite(st, opaque);
        st.opaque = opaque;
        if (f == null) {
            messages.warning("rvmmatte keeps its " + st.compositeFormat.gstName + " composite over background-color: the"
                    + " element after src takes no " + (opaque ? "format of an opaque composite" : "RGBA or BGRA for"
                    + " background=none") + "; put videoconvert after rvmmatte");
        } else if (f != st.compositeFormat) {
            st.compositeFormat = f;
            pushCaps(outputs.get(Output.COMPOSITE), st);
        }
    }

    /** Caps of an output for the configured stream (a new reference). */
    Pointer srcCaps(Output output, State st) {
        if (output == Output.COMPOSITE) {
            return compositeCaps(st, st.compositeFormat);
        }
        return VideoCaps.derive(st.sinkCaps(), output.format(st), output.dropsColour);
    }

    private static Pointer compositeCaps(State st, CompositeFormat f) {
        if (f.yuv != null) {
            return VideoCaps.deriveYuv(st.sinkCaps(), f.gstName, YuvConverter.COLORIMETRY);
        }
        return VideoCaps.derive(st.sinkCaps(), f.gstName, false);
    }

    /** Queues a CAPS event on every src pad: the sink caps in the pad's format. */
    void pushSrcCaps(State st) {
        for (OutputPad out : outputs.all()) {
            pushCaps(out, st);
        }
    }

    /** Queues a CAPS event on one src pad. */
    void pushCaps(OutputPad out, State st) {
        try (Ref caps = Ref.miniObject(srcCaps(out.output, st))) {
            out.pushEvent(GstNative.gst_event_new_caps(caps.get()), false); // the event takes its own ref
        }
    }
}
