package dev.rvm.tools.cli;

import dev.rvm.conversion.options.MattingOptions;
import dev.rvm.matting.MattingSettings;
import dev.rvm.tools.speed.SpeedTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ./rvm speedtest}: upstream inference_speed_test on synthetic frames; last line is JSON. */
@Command(name = "speedtest", mixinStandardHelpOptions = true,
        description = "Time the model (raw) and the whole core (8-bit frame in, alpha + composite out) on synthetic frames.")
final class SpeedtestCommand implements Callable<Integer> {

    @Option(names = "--resolution", required = true, paramLabel = "WxH")
    String resolution;

    @Option(names = "--downsample-ratio", required = true, paramLabel = "R|auto")
    String ratio;

    @Option(names = "--frames", defaultValue = "50", paramLabel = "N")
    int frames;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "N")
    int warmup;

    @Option(names = "--seq-chunk", defaultValue = "1", paramLabel = "N")
    int seqChunk;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N")
    int threads;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", defaultValue = MattingSettings.DEFAULT_MODEL, paramLabel = "NAME|FILE")
    String model;

    @Override
    public Integer call() {
        String[] wh = resolution.toLowerCase(Locale.ROOT).split("x");
        int w;
        int h;
        try {
            w = Integer.parseInt(wh[0]);
            h = Integer.parseInt(wh[1]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--resolution must be WIDTHxHEIGHT like 1280x720, got " + resolution);
        }
        if (w <= 0 || h <= 0 || wh.length != 2) {
            throw new IllegalArgumentException("--resolution must be WIDTHxHEIGHT with positive sizes, got " + resolution);
        }
        if (frames < 1 || warmup < 0) {
            throw new IllegalArgumentException("--frames must be at least 1 and --warmup at least 0");
        }
        MattingSettings settings = new MattingSettings(model, MattingOptions.parseRatio(ratio), seqChunk, threads,
                MattingSettings.DEFAULTS.device());
        SpeedTest.Result r = new SpeedTest(w, h).run(settings, warmup, frames);
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%dx%d ratio %s seq-chunk %d threads %d: raw %.1f ms (%.1f FPS), core %.1f ms (%.1f FPS), overhead %.1f%%, load %.2f%n",
                w, h, r.ratio(), seqChunk, threads, r.rawMs(), r.rawFps(), r.coreMs(), r.coreFps(), 100 * (r.coreMs() / r.rawMs() - 1), r.loadAverage());
        out.println(r.toJson());
        out.flush();
        return 0;
    }
}
