package dev.rvm.tools.cli;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;
import dev.rvm.conversion.options.MattingOptions;
import dev.rvm.conversion.options.PresetOverrides;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/** {@code ./rvm convert}: upstream convert_video (inference.py), for video files and image sequences. */
@Command(name = "convert", mixinStandardHelpOptions = true, resourceBundle = "dev.rvm.conversion.options.SettingOptions$Help",
        defaultValueProvider = dev.rvm.conversion.options.SettingOptions.Defaults.class,
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

    // how it mattes and encodes, shared with ./rvm batch; options named like a setting take their
    // description and default from SettingsTable (SettingOptions)
    @Mixin
    MattingOptions matting;

    @Option(names = "--variant", paramLabel = "mobilenetv3|resnet50", description = "Upstream's network choice (with --checkpoint).")
    String variant;

    @Option(names = "--checkpoint", paramLabel = "FILE.onnx",
            description = "Upstream's weights argument: an RVM .onnx export (a PyTorch .pth is refused with what to pass).")
    Path checkpoint;

    @Option(names = "--allow-truncated",
            description = "Keep the outputs of a video that ends before the frame count its container announces (exit 0, with a warning).")
    boolean allowTruncated;

    @Option(names = "--disable-progress", description = "No progress bar.")
    boolean disableProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        double videoMbps = matting.videoMbps();
        String modelChoice = UpstreamModel.resolve(matting.model(), given.hasMatchedOption("--model"), "--variant", variant, checkpoint);
        boolean png = "png_sequence".equals(outputType);
        if (!png && !"video".equals(outputType)) {
            throw new IllegalArgumentException("--output-type must be video or png_sequence, got " + outputType);
        }
        PresetOverrides resolved = matting.resolve(given, png, modelChoice);
        MattingSettings settings = resolved.settings();
        Background bg = resolved.background();
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
}
