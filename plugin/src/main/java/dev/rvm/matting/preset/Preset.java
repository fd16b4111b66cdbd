package dev.rvm.matting.preset;

import dev.rvm.matting.MattingSettings;

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
}
