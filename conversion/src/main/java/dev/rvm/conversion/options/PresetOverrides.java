package dev.rvm.conversion.options;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.preset.Preset;
import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingValues;
import picocli.CommandLine.ParseResult;

/**
 * A preset under the options typed on the command line: what the user typed wins, the preset fills the
 * rest (not the options' own defaults). Every option named like a setting counts ({@link SettingOptions}).
 */
public record PresetOverrides(MattingSettings settings, Background background) {

    /**
     * @param typed      the settings built from the options (defaults included)
     * @param typedBackground the background from {@code --background} (null = none)
     */
    public static PresetOverrides of(Preset preset, ParseResult given, MattingSettings typed, Background typedBackground) {
        SettingValues fromOptions = SettingsTable.withMatting(SettingsTable.MATTING.defaults(), typed);
        SettingValues merged = SettingsTable.withMatting(SettingsTable.MATTING.defaults(), preset.matting());
        for (Setting<?> s : SettingOptions.SETTINGS) {
            if (given.hasMatchedOption(SettingOptions.option(s))) {
                merged = merged.withObject(s, fromOptions.get(s));
            }
        }
        Background bg;
        if (given.hasMatchedOption("--background")) {
            bg = typedBackground;
        } else {
            bg = switch (preset.background().kind()) {
                case TRANSPARENT -> null;
                case VIDEO -> throw new IllegalArgumentException("the preset's video background is not supported by "
                        + "convert yet; give --background none|#RRGGBB|IMAGE|blur to override it");
                case IMAGE -> {
                    if (!java.nio.file.Files.isRegularFile(preset.background().image())) {
                        throw new IllegalArgumentException("the preset's background image " + preset.background().image()
                                + " does not exist; fix the preset or give --background");
                    }
                    yield preset.background().toBackground();
                }
                default -> preset.background().toBackground();
            };
        }
        return new PresetOverrides(SettingsTable.matting(merged), bg);
    }
}
