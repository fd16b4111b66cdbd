package dev.rvm.matting.bench;

import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.rvm.matting.Device;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.engine.RecurrentMattingStream;
import dev.rvm.matting.model.ModelLocator;
import dev.rvm.matting.model.RvmModel;
import dev.rvm.matting.model.SessionTuning;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Times the model call under each ONNX Runtime session option, one change from the defaults at a
 * time, to pick the defaults of {@link SessionTuning#of}. Run by hand (see plugin/BENCHMARKS.md):
 * {@code java -cp ... dev.rvm.matting.bench.SessionOptionsBenchmark [WxH] [ratio] [frames]}.
 */
public final class SessionOptionsBenchmark {

    public static void main(String[] args) {
        String[] wh = (args.length > 0 ? args[0] : "1280x720").split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        float ratio = args.length > 1 ? Float.parseFloat(args[1]) : 0.25f;
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path model = ModelLocator.locate(MattingSettings.DEFAULT_MODEL);
        SessionTuning base = SessionTuning.of(0, Device.CPU);
        SessionTuning[] variants = {
                base,
                new SessionTuning(1, Device.CPU, base.optLevel(), base.memoryPattern(), base.executionMode(), true),
                new SessionTuning(2, Device.CPU, base.optLevel(), base.memoryPattern(), base.executionMode(), true),
                new SessionTuning(0, Device.CPU, OptLevel.BASIC_OPT, base.memoryPattern(), base.executionMode(), true),
                new SessionTuning(0, Device.CPU, OptLevel.EXTENDED_OPT, base.memoryPattern(), base.executionMode(), true),
                new SessionTuning(0, Device.CPU, base.optLevel(), false, base.executionMode(), true),
                new SessionTuning(0, Device.CPU, base.optLevel(), base.memoryPattern(), ExecutionMode.PARALLEL, true),
                new SessionTuning(0, Device.CPU, base.optLevel(), base.memoryPattern(), base.executionMode(), false),
        };
        byte[] px = new byte[w * h * 3];
        new Random(7).nextBytes(px);
        ByteBuffer frame = ByteBuffer.allocateDirect(px.length).put(px).flip();
        FrameLayout layout = FrameLayout.packed(w, h, PixelFormat.RGB);
        MattingSettings settings = MattingSettings.DEFAULTS.withDownsampleRatio(ratio);
        // All sessions stay open and take turns, a few frames each round, so load from other
        // processes on a shared machine hits every variant alike; the best round is reported.
        int rounds = Math.max(1, frames / 10);
        MattingStream[] streams = new MattingStream[variants.length];
        double[] best = new double[streams.length];
        double[] bestCore = new double[streams.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        java.util.Arrays.fill(bestCore, Double.MAX_VALUE);
        ByteBuffer alpha = ByteBuffer.allocateDirect(w * h);
        FrameLayout out = FrameLayout.packed(w, h, PixelFormat.BGRX);
        ByteBuffer composite = ByteBuffer.allocateDirect(out.byteSize());
        dev.rvm.matting.Background green = new dev.rvm.matting.Background.Color(dev.rvm.matting.Background.UPSTREAM_GREEN);
        try {
            for (int v = 0; v < streams.length; v++) {
                SessionTuning t = variants[v];
                streams[v] = new RecurrentMattingStream(settings, x -> RvmModel.open(model, t));
                for (int i = 0; i < 3; i++) {
                    streams[v].submit(frame.clear(), layout, i, r -> { });
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (int v = 0; v < streams.length; v++) {
                    double[] raw = new double[1];
                    long t0 = System.nanoTime();
                    for (int i = 0; i < 10; i++) {
                        streams[v].submit(frame.clear(), layout, i, r -> {
                            raw[0] += r.inferenceMillis();
                            r.writeAlpha(alpha.clear(), w);
                            r.writeComposite(green, composite.clear(), out);
                        });
                    }
                    best[v] = Math.min(best[v], raw[0] / 10);
                    bestCore[v] = Math.min(bestCore[v], (System.nanoTime() - t0) / 1e7);
                }
            }
        } finally {
            for (MattingStream st : streams) {
                if (st != null) {
                    st.close();
                }
            }
        }
        for (int v = 0; v < streams.length; v++) {
            System.out.printf(Locale.ROOT, "%-110s best round: raw %6.2f ms, core %6.2f ms/frame%n", variants[v], best[v], bestCore[v]);
        }
    }
}
