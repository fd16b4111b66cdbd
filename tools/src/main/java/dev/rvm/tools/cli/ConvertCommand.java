package dev.rvm.tools.cli;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;
import dev.rvm.conversion.options.MattingOptions;
import dev.rvm.conversion.options.PresetOverrides;
import dev.rvm.conversion.sequence.ConvertOptions;
import dev.rvm.conversion.sequence.ImageSequenceSource;
import dev.rvm.conversion.sequence.SequenceConverter;
import dev.rvm.conversion.video.VideoConvertOptions;
import dev.rvm.conversion.video.VideoConverter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/** {@code ./rvm convert}: upstream convert_video for image sequences. */
@Command(name = "convert", mixinStandardHelpOptions = true,
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

    @Mixin
    MattingOptions matting;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PresetOverrides resolved = matting.resolve(spec.commandLine().getParseResult());
        MattingSettings settings = resolved.settings();
        Background bg = resolved.background();
        if (VideoConverter.isVideoFile(input)) {
            // video files go through a GStreamer pipeline around the rvmmatte element
            boolean png = "png_sequence".equals(outputType);
            if (!png && !"video".equals(outputType)) {
                throw new IllegalArgumentException("--output-type must be video or png_sequence, got " + outputType);
            }
            new VideoConverter(new VideoConvertOptions(input, composition, alpha, foreground, png, matting.videoMbps(),
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
}
