package dev.rvm.panel.gst;

import dev.rvm.matting.MattingException;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.preset.BackgroundChoice;
import dev.rvm.matting.preset.Preset;
import org.freedesktop.gstreamer.Element;

/** A preset written into an {@code rvmmatte} element's properties (the panel, {@code ./rvm launch --preset}). */
public final class MattePresets {
    private MattePresets() {
    }

    /** Values of the element's {@code background} enum, in its order. */
    private static final String[] BACKGROUND_NICKS = {"none", "color", "image", "blur"};

    /** Every setting, for an element that has not started yet (model and device are read at start). */
    public static void apply(Element matte, Preset preset) {
        MattingSettings m = preset.matting();
        matte.set("model", m.model());
        matte.set("device", m.device().ordinal());
        matte.set("threads", m.threads());
        matte.set("downsample-ratio", m.downsampleRatio());
        matte.set("seq-chunk", m.seqChunk());
        applyBackground(matte, preset.background());
    }

    /** The background properties; details first and the kind last, so no frame sees half a change. */
    public static void applyBackground(Element matte, BackgroundChoice b) {
        int kind = switch (b.kind()) {
            case TRANSPARENT -> 0;
            case COLOR -> 1;
            case IMAGE -> 2;
            case BLUR -> 3;
            case VIDEO -> throw new MattingException("rvmmatte cannot composite over a video yet (its background is "
                    + String.join(", ", BACKGROUND_NICKS) + "); choose a colour, image or blur, or composite the "
                    + "transparent output over the video downstream (see samples/)");
        };
        matte.set("background-color", b.color());
        matte.set("blur-strength", b.blurStrength());
        if (b.image() != null) {
            matte.set("background-location", b.image().toString());
        }
        matte.set("background", kind);
    }
}
