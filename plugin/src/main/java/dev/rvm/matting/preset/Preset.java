package dev.rvm.matting.preset;

import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingValues;

import static dev.rvm.matting.SettingsTable.BACKGROUND;
import static dev.rvm.matting.SettingsTable.BACKGROUND_COLOR;
import static dev.rvm.matting.SettingsTable.BACKGROUND_GROUP;
import static dev.rvm.matting.SettingsTable.BACKGROUND_LOCATION;
import static dev.rvm.matting.SettingsTable.BLUR_STRENGTH;
import static dev.rvm.matting.SettingsTable.MATTING;

/**
 * Everything a user sets in the editor panel, saved as one JSON file (see {@link PresetJson}) that
 * {@code ./rvm panel}, {@code ./rvm convert --preset} and {@code ./rvm launch --preset} all read.
 */
public record Preset(MattingSettings matting, BackgroundChoice background) {

    public static final Preset DEFAULTS = new Preset(MattingSettings.DEFAULTS, BackgroundChoice.DEFAULT);

    public Preset {
        if (matting == null || background == null) {
            throw new IllegalArgumentException("a preset needs matting settings and a background");
        }
    }

    public Preset withMatting(MattingSettings m) { return new Preset(m, background); }
    public Preset withBackground(BackgroundChoice b) { return new Preset(matting, b); }

    /**
     * A copy with one matting setting changed (model, ratio, chunk, device, threads; the background ones
     * change through {@link BackgroundChoice}, which also keeps a video file).
     */
    public <T> Preset with(Setting<T> setting, T value) {
        if (BACKGROUND_GROUP.contains(setting)) {
            throw new IllegalArgumentException(setting.name() + " is part of the background choice; change it there");
        }
        return withMatting(SettingsTable.matting(SettingsTable.withMatting(MATTING.defaults(), matting).with(setting, value)));
    }

    /**
     * This preset as the values of {@link SettingsTable#MATTING}; refused (with the
     * background's message) when a host cannot show its background, a video.
     */
    public SettingValues values() {
        BackgroundChoice b = background;
        return SettingsTable.withMatting(MATTING.defaults(), matting).with(BACKGROUND, b.kind()).with(BACKGROUND_COLOR, b.color())
                .with(BACKGROUND_LOCATION, b.image() == null ? null : b.image().toString())
                .with(BLUR_STRENGTH, b.blurStrength());
    }
}
