package dev.rvm.tools.speed;

import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.MattingStreams;
import dev.rvm.matting.PixelFormat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Random;

/**
 * upstream inference_speed_test on synthetic frames: "raw" is the ONNX Runtime call alone, "core"
 * is a host's whole cost per frame (BGRx frame in, 8-bit alpha and a composite over green out).
 */
public final class SpeedTest {

    public record Result(int width, int height, float ratio, int seqChunk, int threads, int frames,
                         double rawMs, double coreMs, double loadAverage) {
        public double rawFps() {
            return 1000.0 / rawMs;
        }

        public double coreFps() {
            return 1000.0 / coreMs;
        }

        public String toJson() {
            return String.format(Locale.ROOT, "{\"width\":%d,\"height\":%d,\"downsample_ratio\":%s,\"seq_chunk\":%d,\"threads\":%d,"
                            + "\"frames\":%d,\"raw_ms\":%.3f,\"raw_fps\":%.2f,\"core_ms\":%.3f,\"core_fps\":%.2f,"
                            + "\"core_overhead\":%.4f,\"load_average\":%.2f}",
                    width, height, ratio, seqChunk, threads, frames, rawMs, rawFps(), coreMs, coreFps(), coreMs / rawMs - 1, loadAverage);
        }
    }

    private static final Background GREEN = new Background.Color(Background.UPSTREAM_GREEN);
    private static final int DISTINCT_FRAMES = 4;

    private final int width;
    private final int height;
    private final FrameLayout input;
    private final FrameLayout output;
    private final ByteBuffer[] frames = new ByteBuffer[DISTINCT_FRAMES];
    private final ByteBuffer alpha;
    private final ByteBuffer composite;
    private double rawSum;
    private int results;

    public SpeedTest(int width, int height) {
        this.width = width;
        this.height = height;
        input = FrameLayout.packed(width, height, PixelFormat.BGRX);
        output = FrameLayout.packed(width, height, PixelFormat.BGRX);
        Random random = new Random(42);
        for (int i = 0; i < DISTINCT_FRAMES; i++) {
            byte[] px = new byte[input.byteSize()];
            random.nextBytes(px);
            frames[i] = ByteBuffer.allocateDirect(px.length).put(px).flip();
        }
        alpha = ByteBuffer.allocateDirect(width * height);
        composite = ByteBuffer.allocateDirect(output.byteSize());
    }

    public Result run(MattingSettings settings, int warmup, int measured) {
        try (MattingStream stream = MattingStreams.open(settings)) {
            feed(stream, warmup);
            rawSum = 0;
            results = 0;
            long t0 = System.nanoTime();
            feed(stream, measured);
            double wall = (System.nanoTime() - t0) / 1e6;
            return new Result(width, height, settings.effectiveRatio(width, height), settings.seqChunk(), settings.threads(),
                    results, rawSum / results, wall / results,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private void feed(MattingStream stream, int n) {
        MattingStream.ResultHandler out = r -> {
            r.writeAlpha(alpha.clear(), width);
            r.writeComposite(GREEN, composite.clear(), output);
            rawSum += r.inferenceMillis();
            results++;
        };
        for (int i = 0; i < n; i++) {
            stream.submit(frames[i % DISTINCT_FRAMES].clear(), input, i, out);
        }
        stream.drain(out);
    }
}
