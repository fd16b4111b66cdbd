package dev.rvm.matting.preset;

import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingValues;

import static dev.rvm.matting.SettingsTable.BACKGROUND_GROUP;
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

    /** The value of one matting setting (model, ratio, chunk, device, threads, an edge control). */
    public <T> T get(Setting<T> setting) {
        return mattingValues(setting).get(setting);
    }

    /**
     * A copy with one matting setting changed (the background ones change through
     * {@link BackgroundChoice}, which also keeps a video file); refused outside the setting's range.
     */
    public <T> Preset with(Setting<T> setting, T value) {
        return withMatting(SettingsTable.matting(mattingValues(setting).with(setting, value)));
    }

    /**
     * This preset as the values of {@link SettingsTable#MATTING}; refused (with the background's
     * message) when its background is one a stream cannot show alone, a video.
     */
    public SettingValues values() {
        return background.writeTo(SettingsTable.withMatting(MATTING.defaults(), matting));
    }

    private SettingValues mattingValues(Setting<?> setting) {
        if (BACKGROUND_GROUP.contains(setting)) {
            throw new IllegalArgumentException(setting.name() + " is part of the background choice; use background()");
        }
        return SettingsTable.withMatting(MATTING.defaults(), matting);
    }
}
