package dev.rvm.panel.gst;

import dev.rvm.gst.MatteProperties;
import dev.rvm.matting.Background;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.preset.BackgroundChoice;
import dev.rvm.matting.preset.Preset;
import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingValues;
import org.freedesktop.gstreamer.Element;

import java.util.List;

import static dev.rvm.matting.SettingsTable.BACKGROUND_GROUP;
import static dev.rvm.matting.SettingsTable.MATTING;

/** A preset written into an {@code rvmmatte} element's properties (the panel, {@code ./rvm launch --preset}). */
public final class MattePresets {
    private MattePresets() {
    }

    /** The matting settings without the background ones and the edge controls, in table order. */
    static final List<Setting<?>> MATTING_ONLY = MATTING.settings().stream()
            .filter(s -> !BACKGROUND_GROUP.contains(s) && !EdgeSettings.SETTINGS.contains(s)).toList();

    /** Every setting, for an element that has not started yet (model and device are read at start). */
    public static void apply(Element matte, Preset preset) {
        MatteProperties.setAll(matte, MATTING_ONLY, SettingsTable.withMatting(MATTING.defaults(), preset.matting()));
        applyEdges(matte, preset.matting().edges());
        applyBackground(matte, preset.background());
    }

    /**
     * The edge properties, in an order the element accepts from the values it holds: it refuses a write
     * that puts clip-black at or above clip-white.
     */
    public static void applyEdges(Element matte, EdgeSettings edges) {
        SettingValues held = MATTING.defaults();
        for (Setting<?> s : EdgeSettings.SETTINGS) {
            held = held.withObject(s, MatteProperties.get(matte, s));
        }
        MatteProperties.setAll(matte, edges.writeOrder(EdgeSettings.of(held)), edges.writeTo(MATTING.defaults()));
    }

    /**
     * The background properties; details first and the kind last, so no frame sees half a change. A video
     * comes through the element's background pad, which must be linked already; its properties then say
     * the colour shown when the video has ended.
     */
    public static void applyBackground(Element matte, BackgroundChoice b) {
        BackgroundChoice properties = b;
        if (b.kind() == Background.Kind.VIDEO) {
            if (matte.getStaticPad("background") == null) {
                throw new MattingException("a video background comes through rvmmatte's background pad: link a video"
                        + " to it (... filesrc location=BACKGROUND ! decodebin ! videoconvert ! m.background), or"
                        + " choose a colour, image or blur");
            }
            properties = b.withColor(b.color());
        }
        MatteProperties.setAll(matte, BACKGROUND_GROUP, properties.writeTo(MATTING.defaults()));
    }
}
