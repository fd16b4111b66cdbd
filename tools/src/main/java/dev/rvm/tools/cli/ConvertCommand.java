package dev.rvm.tools.cli;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.preset.PresetJson;
import dev.rvm.conversion.sequence.ConvertOptions;
import dev.rvm.conversion.sequence.ImageSequenceSource;
import dev.rvm.conversion.sequence.SequenceConverter;
import dev.rvm.conversion.video.VideoConvertOptions;
import dev.rvm.conversion.video.VideoConverter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/** {@code ./rvm convert}: upstream convert_video for image sequences. */
@Command(name = "convert", mixinStandardHelpOptions = true, resourceBundle = "dev.rvm.tools.cli.SettingOptions$Help",
        defaultValueProvider = SettingOptions.Defaults.class,
        description = {"Matte a video file (mp4, webm, mkv, avi, mov) into videos or PNG sequences, or a directory "
                + "of PNG/JPEG frames (one sequence, name order) into PNG sequences.",
                "Frame directories: all frames must have one size: the input is checked before anything is written, "
                        + "and a frame of another size stops the run (put it in its own directory). Outputs are named "
                        + "like the inputs (.png) and written atomically."})
final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE|DIR", description = "A video file, or a directory of PNG/JPEG frames matted in name order.")
    Path input;

    @Option(names = "--output-type", defaultValue = "png_sequence", paramLabel = "TYPE", description = "video (video --input only) or png_sequence.")
    String outputType;

    @Option(names = "--output-composition", paramLabel = "DIR", description = "Composited frames (RGBA PNG when --background is none).")
    Path composition;

    @Option(names = "--output-alpha", paramLabel = "DIR", description = "8-bit alpha mattes.")
    Path alpha;

    @Option(names = "--output-foreground", paramLabel = "DIR", description = "Predicted foreground (RGB).")
    Path foreground;

    // options named like a setting take their description and default from SettingsTable (SettingOptions)
    @Option(names = "--downsample-ratio", paramLabel = "R|auto")
    String ratio;

    @Option(names = "--seq-chunk", paramLabel = "N")
    int seqChunk;

    @Option(names = "--background", defaultValue = "none", paramLabel = "none|#RRGGBB|IMAGE|blur[:RADIUS]",
            description = "What the composition shows behind the person. Default: ${DEFAULT-VALUE}.")
    String background;

    @Option(names = "--model", paramLabel = "NAME|FILE")
    String model;

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
            description = "Settings saved by ./rvm panel (JSON): model, ratio, chunk, threads, device, background, edge controls; options given here win.")
    Path preset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MattingSettings settings = new MattingSettings(SettingOptions.check(SettingsTable.MODEL, model), parseRatio(ratio),
                SettingOptions.check(SettingsTable.SEQ_CHUNK, seqChunk), SettingOptions.check(SettingsTable.THREADS, threads),
                MattingSettings.DEFAULTS.device(),
                SettingOptions.named(() -> new EdgeSettings(clipBlack, clipWhite, shrinkGrow, feather, invert)));
        Background bg = parseBackground(background);
        if (preset != null) {
            PresetOverrides merged = PresetOverrides.of(PresetJson.read(preset), spec.commandLine().getParseResult(), settings, bg);
            settings = merged.settings();
            bg = merged.background();
        }
        if (VideoConverter.isVideoFile(input)) {
            // video files go through a GStreamer pipeline around the rvmmatte element
            boolean png = "png_sequence".equals(outputType);
            if (!png && !"video".equals(outputType)) {
                throw new IllegalArgumentException("--output-type must be video or png_sequence, got " + outputType);
            }
            new VideoConverter(new VideoConvertOptions(input, composition, alpha, foreground, png, videoMbps,
                    bg, settings)).run();
            return 0;
        }
        if (!"png_sequence".equals(outputType)) {
            throw new IllegalArgumentException("--output-type " + outputType + " is not supported; use png_sequence");
        }
        ConvertOptions options = new ConvertOptions(composition, alpha, foreground, bg, settings);
        try (ImageSequenceSource source = ImageSequenceSource.open(input);
             ProgressBar bar = new ProgressBarBuilder().setTaskName("Matting").setInitialMax(source.size())
                     .setUnit(" frames", 1).showSpeed().setSpeedUnit(ChronoUnit.SECONDS)
                     .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            new SequenceConverter(options).run(source, done -> bar.stepTo(done));
        }
        return 0;
    }

    /** "auto" is 0, the settings' code for the upstream automatic rule. */
    static float parseRatio(String text) {
        return SettingOptions.parse(SettingsTable.DOWNSAMPLE_RATIO, text);
    }

    static Background parseBackground(String text) {
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
