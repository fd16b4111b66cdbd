package dev.rvm.tools.speed;

import ai.onnxruntime.OrtEnvironment;
import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.FrameTargets;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.Processor;
import dev.rvm.matting.engine.RecurrentMattingStream;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Random;

/**
 * upstream inference_speed_test on synthetic frames, two measurements taking turns in one process so
 * that load from other processes hits both alike. "raw" is the ONNX Runtime call of the whole graph
 * of the same weights (full-resolution float frame in, full-resolution fgr/pha out: what any ONNX
 * Runtime user of the model gets); "core" is a host's whole cost per frame through the stream (BGRx
 * frame in, 8-bit alpha and a composite over green out), on whichever path the stream takes.
 */
public final class SpeedTest {

    public record Result(int width, int height, float ratio, int seqChunk, int threads, int frames,
                         double rawMs, double coreMs, boolean coefficientPath, double loadAverage,
                         String onnxRuntime, String processor) {
        public double rawFps() {
            return 1000.0 / rawMs;
        }

        public double coreFps() {
            return 1000.0 / coreMs;
        }

        /** core FPS over raw FPS: above 1 the core (pixels included) is faster than the bare whole-graph call. */
        public double speedup() {
            return rawMs / coreMs;
        }

        public String toJson() {
            return String.format(Locale.ROOT, "{\"width\":%d,\"height\":%d,\"downsample_ratio\":%s,\"seq_chunk\":%d,\"threads\":%d,"
                            + "\"frames\":%d,\"raw_ms\":%.3f,\"raw_fps\":%.2f,\"core_ms\":%.3f,\"core_fps\":%.2f,"
                            + "\"core_vs_raw\":%.3f,\"core_path\":\"%s\",\"load_average\":%.2f,"
                            + "\"onnxruntime\":\"%s\",\"processor\":\"%s\"}",
                    width, height, ratio, seqChunk, threads, frames, rawMs, rawFps(), coreMs, coreFps(), speedup(),
                    coefficientPath ? "coefficients" : "whole_graph", loadAverage, json(onnxRuntime), json(processor));
        }

        private static String json(String s) {
            return s.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }

    private static final Background GREEN = new Background.Color(Background.UPSTREAM_GREEN);
    private static final int DISTINCT_FRAMES = 4;
    /** Frames per turn: long enough that a turn is not dominated by switching, short enough to interleave well. */
    private static final int TURN = 5;

    private final int width;
    private final int height;
    private final FrameLayout input;
    private final FrameLayout output;
    private final ByteBuffer[] frames = new ByteBuffer[DISTINCT_FRAMES];
    private final ByteBuffer alpha;
    private final ByteBuffer composite;
    private final FrameTargets targets = new FrameTargets();
    private double rawSum;
    private int rawCount;
    private int coreCount;
    private int submitted;

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
        try (RecurrentMattingStream raw = new RecurrentMattingStream(settings, RecurrentMattingStream.WHOLE_GRAPH_OPENER);
             RecurrentMattingStream core = new RecurrentMattingStream(settings, RecurrentMattingStream.DEFAULT_OPENER)) {
            MattingStream.ResultHandler rawOut = r -> {
                rawSum += r.inferenceMillis();
                rawCount++;
            };
            MattingStream.ResultHandler coreOut = this::coreResult;
            feed(raw, warmup, rawOut);
            feed(core, warmup, coreOut);
            raw.drain(rawOut);
            core.drain(coreOut);
            rawSum = 0;
            rawCount = 0;
            coreCount = 0;
            double coreWall = 0;
            for (int done = 0; done < measured; done += TURN) {
                int n = Math.min(TURN, measured - done);
                feed(raw, n, rawOut);
                long t0 = System.nanoTime();
                feed(core, n, coreOut);
                coreWall += (System.nanoTime() - t0) / 1e6;
            }
            raw.drain(rawOut);
            long t0 = System.nanoTime();
            core.drain(coreOut);
            coreWall += (System.nanoTime() - t0) / 1e6;
            return new Result(width, height, settings.effectiveRatio(width, height), settings.seqChunk(), settings.threads(),
                    coreCount, rawSum / rawCount, coreWall / coreCount, core.usesCoefficientModel(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    OrtEnvironment.getEnvironment().getVersion(), Processor.name());
        }
    }

    private void coreResult(MattedFrame r) {
        r.write(targets.clear().alpha(alpha.clear(), width).composite(GREEN, composite.clear(), output));
        coreCount++;
    }

    private void feed(MattingStream stream, int n, MattingStream.ResultHandler out) {
        for (int i = 0; i < n; i++) {
            stream.submit(frames[submitted++ % DISTINCT_FRAMES].clear(), input, i, out);
        }
    }
}
