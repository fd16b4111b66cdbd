package dev.rvm.tools.cli;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.preset.PresetJson;
import dev.rvm.conversion.sequence.ConvertOptions;
import dev.rvm.conversion.sequence.ImageSequenceSource;
import dev.rvm.conversion.sequence.SequenceConverter;
import dev.rvm.conversion.video.ConvertedVideo;
import dev.rvm.conversion.video.VideoConvertOptions;
import dev.rvm.conversion.video.VideoConverter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/** {@code ./rvm convert}: upstream convert_video (inference.py), for video files and image sequences. */
@Command(name = "convert", mixinStandardHelpOptions = true, resourceBundle = "dev.rvm.tools.cli.SettingOptions$Help",
        defaultValueProvider = SettingOptions.Defaults.class,
        description = {"Matte a video file (mp4, webm, mkv, avi, mov) into videos or PNG sequences, or a directory "
                + "of PNG/JPEG frames (one sequence, name order) into PNG sequences.",
                "Frame directories: all frames must have one size: the input is checked before anything is written, "
                        + "and a frame of another size stops the run (put it in its own directory). Outputs are named "
                        + "like the inputs (.png) and written atomically.",
                "Video files: the run is complete only when every frame the container announces was decoded; a cut file "
                        + "is refused unless --allow-truncated. Outputs appear only when the run ends; Ctrl-C removes them.",
                "Upstream's arguments work as they are: --input-source, --variant, --checkpoint (an .onnx file), --device."})
final class ConvertCommand implements Callable<Integer> {

    @Option(names = {"--input", "--input-source"}, required = true, paramLabel = "FILE|DIR",
            description = "A video file, or a directory of PNG/JPEG frames matted in name order.")
    Path input;

    @Option(names = "--output-type", defaultValue = "png_sequence", paramLabel = "TYPE", description = "video (video --input only) or png_sequence.")
    String outputType;

    @Option(names = "--output-composition", paramLabel = "FILE|DIR", description = "Composited frames (RGBA PNG when --background is none).")
    Path composition;

    @Option(names = "--output-alpha", paramLabel = "FILE|DIR", description = "8-bit alpha mattes.")
    Path alpha;

    @Option(names = "--output-foreground", paramLabel = "FILE|DIR", description = "Predicted foreground (RGB).")
    Path foreground;

    // options named like a setting take their description and default from SettingsTable (SettingOptions)
    @Option(names = "--downsample-ratio", paramLabel = "R|auto")
    String ratio;

    @Option(names = "--seq-chunk", paramLabel = "N")
    int seqChunk;

    @Option(names = "--background", paramLabel = "none|#RRGGBB|IMAGE|blur[:RADIUS]",
            description = "What the composition shows behind the person. Default, as upstream: none (RGBA) for PNG "
                    + "sequences, upstream's green for --output-type video (none there needs a .mkv composition: FFV1 with alpha).")
    String background;

    @Option(names = "--model", paramLabel = "NAME|FILE")
    String model;

    @Option(names = "--variant", paramLabel = "mobilenetv3|resnet50", description = "Upstream's network choice (with --checkpoint).")
    String variant;

    @Option(names = "--checkpoint", paramLabel = "FILE.onnx",
            description = "Upstream's weights argument: an RVM .onnx export (a PyTorch .pth is refused with what to pass).")
    Path checkpoint;

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

    @Option(names = "--allow-truncated",
            description = "Keep the outputs of a video that ends before the frame count its container announces (exit 0, with a warning).")
    boolean allowTruncated;

    @Option(names = "--disable-progress", description = "No progress bar.")
    boolean disableProgress;

    @Option(names = "--preset", paramLabel = "FILE",
            description = "Settings saved by ./rvm panel (JSON): model, ratio, chunk, threads, device, background, edge controls; options given here win.")
    Path preset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        VideoConvertOptions.requireVideoMbps(videoMbps);
        String modelChoice = UpstreamModel.resolve(model, given.hasMatchedOption("--model"), "--variant", variant, checkpoint);
        MattingSettings settings = new MattingSettings(modelChoice, parseRatio(ratio),
                SettingOptions.check(SettingsTable.SEQ_CHUNK, seqChunk), SettingOptions.check(SettingsTable.THREADS, threads),
                UpstreamModel.device(device),
                SettingOptions.named(() -> new EdgeSettings(clipBlack, clipWhite, shrinkGrow, feather, invert)));
        boolean png = "png_sequence".equals(outputType);
        if (!png && !"video".equals(outputType)) {
            throw new IllegalArgumentException("--output-type must be video or png_sequence, got " + outputType);
        }
        Background bg = background != null ? parseBackground(background)
                : png ? null : new Background.Color(Background.UPSTREAM_GREEN);
        if (preset != null) {
            PresetOverrides merged = PresetOverrides.of(PresetJson.read(preset), given, settings, bg);
            settings = merged.settings();
            bg = merged.background();
        }
        if (InputKind.of(input) == InputKind.VIDEO) {
            // video files go through a GStreamer pipeline around the rvmmatte element
            ConvertedVideo done = new VideoConverter(new VideoConvertOptions(input, composition, alpha, foreground, png,
                    videoMbps, bg, settings, allowTruncated), !disableProgress).run();
            if (done.truncated()) {
                spec.commandLine().getErr().println("rvm convert: warning: --input " + input + " is truncated: it ends after "
                        + done.frames() + " of the " + done.announcedFrames() + " frames its container announces; kept "
                        + done.frames() + " frames (--allow-truncated)");
            }
            return 0;
        }
        if (!png) {
            throw new IllegalArgumentException("--output-type " + outputType + " needs a video --input; a frame directory "
                    + "converts to png_sequence");
        }
        ConvertOptions options = new ConvertOptions(composition, alpha, foreground, bg, settings);
        try (ImageSequenceSource source = ImageSequenceSource.open(input);
             ProgressBar bar = disableProgress ? null : new ProgressBarBuilder().setTaskName("Matting").setInitialMax(source.size())
                     .setUnit(" frames", 1).showSpeed().setSpeedUnit(ChronoUnit.SECONDS)
                     .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            new SequenceConverter(options).run(source, done -> {
                if (bar != null) {
                    bar.stepTo(done);
                }
            });
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
