package dev.rvm.conversion.options;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.preset.PresetJson;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The options that say how a conversion mattes and encodes, declared once for every command that
 * converts ({@code ./rvm convert}, {@code ./rvm batch}, the Spark job's own entry point): a picocli mixin.
 */
public final class MattingOptions {

    @Option(names = "--downsample-ratio", defaultValue = "auto", paramLabel = "R|auto",
            description = "Ratio in (0, 1], or auto = min(512 / max(h, w), 1). Default: ${DEFAULT-VALUE}.")
    String ratio;

    @Option(names = "--seq-chunk", defaultValue = "1", paramLabel = "N", description = "Frames per model call. Default: ${DEFAULT-VALUE}.")
    int seqChunk;

    @Option(names = "--background", defaultValue = "none", paramLabel = "none|#RRGGBB|IMAGE|blur[:RADIUS]",
            description = "What the composition shows behind the person. Default: ${DEFAULT-VALUE}.")
    String background;

    @Option(names = "--model", defaultValue = MattingSettings.DEFAULT_MODEL, paramLabel = "NAME|FILE",
            description = "Built-in model name or an RVM .onnx file. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "ONNX Runtime threads, 0 = one per core.")
    int threads;

    @Option(names = "--output-video-mbps", defaultValue = "4", paramLabel = "MBPS",
            description = "Bit rate of video outputs (video --input). Default: ${DEFAULT-VALUE}.")
    double videoMbps;

    @Option(names = "--preset", paramLabel = "FILE",
            description = "Settings saved by ./rvm panel (JSON): model, ratio, chunk, threads, device, background; options given here win.")
    Path preset;

    /** The settings and background these options give; a preset fills what was not typed. */
    public PresetOverrides resolve(ParseResult given) throws IOException {
        MattingSettings settings = new MattingSettings(model, parseRatio(ratio), seqChunk, threads, MattingSettings.DEFAULTS.device());
        Background bg = parseBackground(background);
        return preset == null ? new PresetOverrides(settings, bg) : PresetOverrides.of(PresetJson.read(preset), given, settings, bg);
    }

    public double videoMbps() {
        return videoMbps;
    }

    /** "auto" is 0, the settings' code for the upstream automatic rule. */
    public static float parseRatio(String text) {
        if ("auto".equalsIgnoreCase(text)) {
            return 0f;
        }
        float r;
        try {
            r = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--downsample-ratio must be a number in (0, 1] or auto; got '" + text + "'");
        }
        if (!(r > 0f && r <= 1f)) {
            throw new IllegalArgumentException("--downsample-ratio must be in (0, 1] or auto; got " + text);
        }
        return r;
    }

    public static Background parseBackground(String text) {
        if ("none".equalsIgnoreCase(text)) {
            return null;
        }
        if (text.startsWith("#")) {
            if (!text.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("--background colour must be #RRGGBB, got " + text);
            }
            return new Background.Color(0xFF000000 | Integer.parseInt(text.substring(1), 16));
        }
        if ("blur".equalsIgnoreCase(text) || text.toLowerCase().startsWith("blur:")) {
            int radius = 15;
            if (text.length() > 5) {
                try {
                    radius = Integer.parseInt(text.substring(5));
                } catch (NumberFormatException e) {
                    radius = -1;
                }
            }
            if (radius < 0) {
                throw new IllegalArgumentException("--background blur:RADIUS needs a radius of 0 or more pixels, got " + text);
            }
            return new Background.Blur(radius);
        }
        Path file = Path.of(text);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--background " + text + " is neither none, #RRGGBB, blur nor an existing image file");
        }
        return new Background.Picture(file);
    }
}
