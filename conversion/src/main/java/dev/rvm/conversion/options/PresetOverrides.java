package dev.rvm.conversion.options;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.preset.Preset;
import picocli.CommandLine.ParseResult;

/**
 * A preset under the options typed on the command line: what the user typed wins, the preset fills the
 * rest (not the options' own defaults).
 */
public record PresetOverrides(MattingSettings settings, Background background) {

    /**
     * @param typed      the settings built from the options (defaults included)
     * @param typedBackground the background from {@code --background} (null = none)
     */
    public static PresetOverrides of(Preset preset, ParseResult given, MattingSettings typed, Background typedBackground) {
        MattingSettings s = preset.matting();
        if (given.hasMatchedOption("--model")) {
            s = s.withModel(typed.model());
        }
        if (given.hasMatchedOption("--downsample-ratio")) {
            s = s.withDownsampleRatio(typed.downsampleRatio());
        }
        if (given.hasMatchedOption("--seq-chunk")) {
            s = s.withSeqChunk(typed.seqChunk());
        }
        if (given.hasMatchedOption("--threads")) {
            s = s.withThreads(typed.threads());
        }
        Background bg;
        if (given.hasMatchedOption("--background")) {
            bg = typedBackground;
        } else {
            bg = switch (preset.background().kind()) {
                case TRANSPARENT -> null;
                case VIDEO -> throw new IllegalArgumentException("the preset's video background is not supported by "
                        + "convert or batch yet; give --background none|#RRGGBB|IMAGE|blur to override it");
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
        return new PresetOverrides(s, bg);
    }
}
