package dev.rvm.conversion.options;

import dev.rvm.matting.Background;
import dev.rvm.matting.Device;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.preset.PresetJson;
import dev.rvm.conversion.video.VideoConvertOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The options that say how a conversion mattes and encodes, declared once for every command that
 * converts ({@code ./rvm convert}, {@code ./rvm batch}, the Spark job's own entry point): a picocli mixin.
 * Options named like a setting take description and default from {@link SettingsTable}: a command
 * mixing this in names {@link SettingOptions.Help} as its resource bundle and {@link SettingOptions.Defaults}
 * as its default provider.
 */
public final class MattingOptions {

    @Option(names = "--downsample-ratio", paramLabel = "R|auto")
    String ratio;

    @Option(names = "--seq-chunk", paramLabel = "N")
    int seqChunk;

    @Option(names = "--background", paramLabel = "none|#RRGGBB|IMAGE|blur[:RADIUS]",
            description = "What the composition shows behind the person. Default, as upstream: none (RGBA) for PNG "
                    + "sequences, upstream's green for --output-type video (none there needs a .mkv composition: FFV1 "
                    + "with alpha, or a .mov: ProRes 4444).")
    String background;

    @Option(names = "--model", paramLabel = "NAME|FILE")
    String model;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda",
            description = "Where the network runs (cuda needs the ONNX Runtime GPU build). Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", paramLabel = "N")
    int threads;

    // the edge controls, applied to every output (composition, alpha); defaults leave the matte as matted
    @Option(names = "--clip-black", paramLabel = "LEVEL")
    float clipBlack;

    @Option(names = "--clip-white", paramLabel = "LEVEL")
    float clipWhite;

    @Option(names = "--shrink-grow", paramLabel = "PIXELS")
    int shrinkGrow;

    @Option(names = "--feather", paramLabel = "PIXELS")
    int feather;

    @Option(names = "--invert")
    boolean invert;

    @Option(names = "--output-video-mbps", defaultValue = "4", paramLabel = "MBPS",
            description = "Bit rate of video outputs (video --input). Default: ${DEFAULT-VALUE}.")
    double videoMbps;

    @Option(names = "--preset", paramLabel = "FILE",
            description = "Settings saved by ./rvm panel (JSON): model, ratio, chunk, threads, device, background, edge "
                    + "controls; options given here win.")
    Path preset;

    /** {@code --model} as typed or defaulted (a command may translate upstream's names first). */
    public String model() {
        return model;
    }

    /** The checked bit rate of video outputs. */
    public double videoMbps() {
        return VideoConvertOptions.requireVideoMbps(videoMbps);
    }

    /** The settings and background these options give, with {@code --model} as typed. */
    public PresetOverrides resolve(ParseResult given, boolean pngSequence) throws IOException {
        return resolve(given, pngSequence, model);
    }

    /**
     * The settings and background these options give; a preset fills what was not typed.
     *
     * @param pngSequence the outputs are PNG sequences (the default background is then none, else upstream's green)
     * @param modelChoice the model to use, {@code --model} or what a command made of upstream's names
     */
    public PresetOverrides resolve(ParseResult given, boolean pngSequence, String modelChoice) throws IOException {
        MattingSettings settings = new MattingSettings(modelChoice, parseRatio(ratio),
                SettingOptions.check(SettingsTable.SEQ_CHUNK, seqChunk), SettingOptions.check(SettingsTable.THREADS, threads),
                parseDevice(device),
                SettingOptions.named(() -> new EdgeSettings(clipBlack, clipWhite, shrinkGrow, feather, invert)));
        Background bg = background != null ? parseBackground(background)
                : pngSequence ? null : new Background.Color(Background.UPSTREAM_GREEN);
        return preset == null ? new PresetOverrides(settings, bg) : PresetOverrides.of(PresetJson.read(preset), given, settings, bg);
    }

    /** "auto" is 0, the settings' code for the upstream automatic rule. */
    public static float parseRatio(String text) {
        return SettingOptions.parse(SettingsTable.DOWNSAMPLE_RATIO, text);
    }

    /** Upstream's {@code --device}: cpu, cuda or cuda:0 (PyTorch's names). */
    public static Device parseDevice(String text) {
        String d = text.toLowerCase(Locale.ROOT);
        return switch (d) {
            case "cpu" -> Device.CPU;
            case "cuda", "cuda:0", "gpu" -> Device.CUDA;
            default -> throw new IllegalArgumentException("--device must be cpu or cuda (cuda:0), got " + text
                    + (d.startsWith("cuda:") ? "; only the first GPU is supported" : ""));
        };
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
        if ("blur".equalsIgnoreCase(text) || text.toLowerCase(Locale.ROOT).startsWith("blur:")) {
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
