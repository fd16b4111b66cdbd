package dev.rvm.tools.cli;

import dev.rvm.conversion.options.MattingOptions;
import dev.rvm.conversion.options.SettingOptions;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.MattingSettings;
import dev.rvm.tools.speed.SpeedTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ./rvm speedtest}: upstream inference_speed_test on synthetic frames; last line is JSON. */
@Command(name = "speedtest", mixinStandardHelpOptions = true, resourceBundle = "dev.rvm.conversion.options.SettingOptions$Help",
        description = {"Time the whole-graph model call (raw) and the whole core (8-bit frame in, alpha + composite out) "
                + "on synthetic frames, taking turns in one process; the last line is JSON.",
                "Upstream's arguments work as they are: --model-variant mobilenetv3 --resolution 1920 1080 "
                        + "--downsample-ratio 0.25 --precision float32."})
final class SpeedtestCommand implements Callable<Integer> {

    @Option(names = "--resolution", required = true, arity = "1..2", paramLabel = "WxH|W H",
            description = "Frame size: 1280x720, or upstream's two numbers 1280 720.")
    List<String> resolution;

    @Option(names = "--downsample-ratio", required = true, paramLabel = "R|auto")
    String ratio;

    @Option(names = "--frames", defaultValue = "50", paramLabel = "N")
    int frames;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "N")
    int warmup;

    @Option(names = "--seq-chunk", defaultValue = "1", paramLabel = "N", description = "Frames per model call, 1..64.")
    int seqChunk;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N")
    int threads;

    @Option(names = "--model", defaultValue = MattingSettings.DEFAULT_MODEL, paramLabel = "NAME|FILE")
    String model;

    @Option(names = "--model-variant", paramLabel = "mobilenetv3", description = "Upstream's name for the built-in model.")
    String variant;

    @Option(names = "--precision", defaultValue = "float32", paramLabel = "float32",
            description = "Upstream's precision; the model is float32.")
    String precision;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FrameSize size = FrameSize.parse(resolution);
        if (frames < 1 || warmup < 0) {
            throw new IllegalArgumentException("--frames must be at least 1 and --warmup at least 0");
        }
        if (!"float32".equalsIgnoreCase(precision)) {
            throw new IllegalArgumentException("--precision " + precision + " is not available: the model is float32 "
                    + "(give --precision float32, or an ONNX export in another precision with --model FILE)");
        }
        SettingOptions.check(SettingsTable.SEQ_CHUNK, seqChunk);
        SettingOptions.check(SettingsTable.THREADS, threads);
        String chosen = UpstreamModel.resolve(model, spec.commandLine().getParseResult().hasMatchedOption("--model"),
                "--model-variant", variant, null);
        MattingSettings settings = new MattingSettings(chosen, MattingOptions.parseRatio(ratio), seqChunk, threads,
                MattingSettings.DEFAULTS.device());
        String tooSmall = settings.frameSizeProblem(size.width(), size.height());
        if (tooSmall != null) {
            throw new IllegalArgumentException("--downsample-ratio: " + tooSmall);
        }
        size.requireMemory(seqChunk);
        SpeedTest.Result r;
        try {
            r = new SpeedTest(size.width(), size.height()).run(settings, warmup, frames);
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException("--resolution " + size + " needs more memory than this JVM may use ("
                    + size.memoryHint() + "): choose a smaller --resolution", e);
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s ratio %s seq-chunk %d threads %d: raw (whole graph) %.1f ms (%.1f FPS), "
                        + "core (%s) %.1f ms (%.1f FPS), core/raw %.2fx; ONNX Runtime %s, %s, load %.2f%n",
                size, r.ratio(), seqChunk, threads, r.rawMs(), r.rawFps(), r.coefficientPath() ? "coefficient model + fused pass"
                        : "whole graph", r.coreMs(), r.coreFps(), r.speedup(), r.onnxRuntime(), r.processor(), r.loadAverage());
        out.println(r.toJson());
        out.flush();
        return 0;
    }

    /** The synthetic frame size, checked against what Java buffers and this JVM's memory can hold. */
    record FrameSize(int width, int height) {
        /** Bytes per pixel the speed test and the core hold in Java: 4 BGRx inputs, alpha, composite, outputs. */
        private static final long JAVA_BYTES_PER_PIXEL = 4 * 4 + 1 + 4 + 16;
        /** Bytes per pixel and frame of a chunk: the float input planes and the float outputs. */
        private static final long CHUNK_BYTES_PER_PIXEL = 4 * 3 + 4 * 4;

        static FrameSize parse(List<String> words) {
            String text = String.join(" ", words);
            String[] wh = words.size() == 2 ? words.toArray(String[]::new) : text.toLowerCase(Locale.ROOT).split("x", -1);
            long w;
            long h;
            try {
                if (wh.length != 2) {
                    throw new NumberFormatException();
                }
                w = Long.parseLong(wh[0].strip());
                h = Long.parseLong(wh[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--resolution must be WIDTHxHEIGHT like 1280x720 (or 1280 720), got " + text);
            }
            if (w <= 0 || h <= 0) {
                throw new IllegalArgumentException("--resolution must be WIDTHxHEIGHT with positive sizes, got " + text);
            }
            // frames are Java buffers indexed by int: a BGRx frame must stay under 2 GiB
            if (w * h > Integer.MAX_VALUE / 4) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "--resolution %dx%d is too large: one BGRx "
                        + "frame would be %.1f GiB, and frames are held in buffers of at most 2 GiB (%d pixels); choose a "
                        + "smaller size", w, h, w * h * 4 / (double) (1L << 30), Integer.MAX_VALUE / 4));
            }
            return new FrameSize((int) w, (int) h);
        }

        long javaBytes(int seqChunk) {
            return (long) width * height * (JAVA_BYTES_PER_PIXEL + CHUNK_BYTES_PER_PIXEL * seqChunk);
        }

        /** Refuses up front a size whose buffers this JVM cannot hold, rather than failing half-way. */
        void requireMemory(int seqChunk) {
            long need = javaBytes(seqChunk);
            if (need > Runtime.getRuntime().maxMemory()) {
                throw new IllegalArgumentException("--resolution " + this + " with --seq-chunk " + seqChunk + " needs about "
                        + gib(need) + " of buffers, more than this JVM may use (" + memoryHint()
                        + "); choose a smaller --resolution or --seq-chunk, or raise the limit with JAVA_TOOL_OPTIONS=-Xmx<size>");
            }
        }

        String memoryHint() {
            return "at most " + gib(Runtime.getRuntime().maxMemory());
        }

        private static String gib(long bytes) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }
}
