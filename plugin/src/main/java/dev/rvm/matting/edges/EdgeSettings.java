package dev.rvm.matting.edges;

import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingValues;

import java.util.List;

/**
 * The matte's edge controls, as keyers have them: levels, shrink/grow, feather and invert, applied in
 * that order to the full-resolution 8-bit matte by {@link EdgeFilter}. At {@link #NONE} (the defaults)
 * the matte is the network's, untouched. The settings are described here, next to the record they make,
 * and listed in {@link dev.rvm.matting.SettingsTable#MATTING} with every other setting.
 *
 * @param clipBlack  matte level that becomes 0 (levels below it too)
 * @param clipWhite  matte level that becomes 1 (levels above it too); above {@code clipBlack}
 * @param shrinkGrow pixels the edge moves inward; negative moves it outward
 * @param feather    pixels over which the edge is softened on each side; 0 = not at all
 * @param invert     swap the matte: the person becomes transparent, the background opaque
 */
public record EdgeSettings(float clipBlack, float clipWhite, int shrinkGrow, int feather, boolean invert) {

    public static final Setting.Real CLIP_BLACK = new Setting.Real("clip-black", "Clip black",
            "Matte level that becomes fully transparent; lower levels too (0 = off)", 0f, 1f, 0f, null, true);
    public static final Setting.Real CLIP_WHITE = new Setting.Real("clip-white", "Clip white",
            "Matte level that becomes fully opaque; higher levels too; must be above clip-black (1 = off)", 0f, 1f, 1f,
            null, true);
    public static final Setting.Int SHRINK_GROW = new Setting.Int("shrink-grow", "Shrink / grow",
            "Pixels the matte's edge moves inward; negative values move it outward (grow)", -64, 64, 0, true);
    public static final Setting.Int FEATHER = new Setting.Int("feather", "Feather",
            "Pixels over which the matte's edge is softened on each side (0 = sharp as matted)", 0, 64, 0, true);
    public static final Setting.Flag INVERT = new Setting.Flag("invert", "Invert",
            "Inverts the matte: the person becomes transparent and the background opaque", false, true);

    /** In the order they act on the matte (and hosts list them). */
    public static final List<Setting<?>> SETTINGS = List.of(CLIP_BLACK, CLIP_WHITE, SHRINK_GROW, FEATHER, INVERT);

    /** The defaults: the matte as the network made it. */
    public static final EdgeSettings NONE = new EdgeSettings(CLIP_BLACK.defaultValue(), CLIP_WHITE.defaultValue(),
            SHRINK_GROW.defaultValue(), FEATHER.defaultValue(), INVERT.defaultValue());

    /** Refused (IllegalArgumentException naming the setting) outside a setting's range or with the clip levels crossed. */
    public EdgeSettings {
        CLIP_BLACK.check(clipBlack);
        CLIP_WHITE.check(clipWhite);
        SHRINK_GROW.check(shrinkGrow);
        FEATHER.check(feather);
        if (!(clipBlack < clipWhite)) {
            throw new IllegalArgumentException(CLIP_BLACK.name() + " (" + clipBlack + ") must be below "
                    + CLIP_WHITE.name() + " (" + clipWhite + "); lower " + CLIP_BLACK.name() + " or raise "
                    + CLIP_WHITE.name());
        }
    }

    /** The edge settings among {@code values} (a table holding all of {@link #SETTINGS}). */
    public static EdgeSettings of(SettingValues values) {
        return new EdgeSettings(values.get(CLIP_BLACK), values.get(CLIP_WHITE), values.get(SHRINK_GROW),
                values.get(FEATHER), values.get(INVERT));
    }

    public SettingValues writeTo(SettingValues values) {
        return values.with(CLIP_BLACK, clipBlack).with(CLIP_WHITE, clipWhite).with(SHRINK_GROW, shrinkGrow)
                .with(FEATHER, feather).with(INVERT, invert);
    }

    /** True when the levels change the matte (compared as numbers: -0 is 0). */
    public boolean clips() {
        return clipBlack != 0f || clipWhite != 1f;
    }

    /** True at the defaults: no pass runs and the matte stays bit for bit the network's. */
    public boolean isIdentity() {
        return !clips() && shrinkGrow == 0 && feather == 0 && !invert;
    }

    /**
     * The settings in an order that moves a host holding {@code from} to these values one write at a
     * time with clip-black below clip-white after every write (a host refuses a write that crosses them).
     */
    public List<Setting<?>> writeOrder(EdgeSettings from) {
        return clipBlack < from.clipWhite ? SETTINGS : List.of(CLIP_WHITE, CLIP_BLACK, SHRINK_GROW, FEATHER, INVERT);
    }

    public EdgeSettings withClip(float black, float white) { return new EdgeSettings(black, white, shrinkGrow, feather, invert); }
    public EdgeSettings withShrinkGrow(int pixels) { return new EdgeSettings(clipBlack, clipWhite, pixels, feather, invert); }
    public EdgeSettings withFeather(int pixels) { return new EdgeSettings(clipBlack, clipWhite, shrinkGrow, pixels, invert); }
    public EdgeSettings withInvert(boolean on) { return new EdgeSettings(clipBlack, clipWhite, shrinkGrow, feather, on); }
}
