package dev.rvm.batch.bench;

import dev.rvm.conversion.video.FrameIndex;
import dev.rvm.conversion.video.FrameRangeDecoder;
import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.media.SampleMedia;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.engine.RecurrentMattingStream;
import dev.rvm.matting.model.SessionTuning;
import dev.rvm.batch.exec.ExecutorModels;
import dev.rvm.batch.exec.ModelShipment;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long a warm-up a piece needs to match a run from the video's start: the sample clip cut into 3
 * pieces, each later piece matted after W warm-up frames from zero memory, every frame of it compared
 * with the sequential run (float alpha). Prints, per W, the worst per-frame mean and max |pha| error
 * over both later pieces, and the mean error of the first frames after a cut. Run by hand:
 * <pre>
 * java -Xss4m -cp "batch/target/test-classes:batch/target/classes:$(cat tools/target/runtime.classpath)" \
 *     dev.rvm.batch.bench.WarmupCurve 0.5 0,5,10,25,50,75,100,150,200,300
 * </pre>
 */
public final class WarmupCurve {

    /** One warm-started stream: the piece [first, end) after warm-up frames from first - warmup. */
    private static final class Piece {
        final int warmup;
        final int first;
        final int end;
        final MattingStream stream;
        double worstMean;
        double worstMax;
        int worstOffset;
        final double[] meanByOffset = new double[OFFSETS.length];
        final double[] meanByFrame;

        Piece(int warmup, int first, int end, MattingSettings s, RecurrentMattingStream.ModelOpener models) {
            this.warmup = warmup;
            this.first = first;
            this.end = end;
            this.stream = new RecurrentMattingStream(s, models);
            this.meanByFrame = new double[end - first];
        }
    }

    private WarmupCurve() {
    }

    public static void main(String[] args) throws Exception {
        float ratio = args.length > 0 ? Float.parseFloat(args[0]) : 0.5f;
        int[] warmups = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[]{0, 5, 10, 25, 50, 75, 100};
        GstRuntime.start("warmup-curve");
        Path clip = SampleMedia.talkingHead();
        FrameIndex index = FrameIndex.scan(clip);
        int n = index.frames();
        int[] cuts = {n / 3, 2 * n / 3, n};
        MattingSettings settings = MattingSettings.DEFAULTS.withDownsampleRatio(ratio).withThreads(1);
        // one session lent to every stream, as on an executor; -Dcurve.wholeGraph=true: the whole graph at every
        // ratio (the path of a model given by path), a session per stream
        RecurrentMattingStream.ModelOpener models = Boolean.getBoolean("curve.wholeGraph")
                ? RecurrentMattingStream.WHOLE_GRAPH_OPENER
                : ExecutorModels.lender(ModelShipment.of(settings.model(), 1), SessionTuning.of(1, settings.device()));
        List<Piece> pieces = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            for (int w : warmups) {
                pieces.add(new Piece(w, cuts[c], cuts[c + 1], settings, models));
            }
        }
        // the model's own sensitivity: the same video matted from its second frame on, no cut at all
        Piece shifted = new Piece(0, 1, n, settings, models);
        pieces.add(shifted);
        float[] reference = null;
        long t0 = System.nanoTime();
        try (MattingStream sequential = new RecurrentMattingStream(settings, models);
             FrameRangeDecoder decoder = FrameRangeDecoder.open(clip, index, 0, n)) {
            float[][] ref = new float[1][];
            for (FrameRangeDecoder.Frame f = decoder.next(); f != null; f = decoder.next()) {
                int i = f.index();
                sequential.submit(f.pixels(), f.layout(), i, r -> ref[0] = copy(r, ref[0]));
                reference = ref[0];
                for (Piece p : pieces) {
                    if (i >= p.first - p.warmup && i < p.end) {
                        f.pixels().rewind();
                        float[] expected = reference;
                        p.stream.submit(f.pixels(), f.layout(), i, r -> {
                            if (r.tag() >= p.first) {
                                compare(p, (int) r.tag() - p.first, r, expected);
                            }
                        });
                    }
                }
                f.pixels().rewind();
            }
        }
        System.out.printf(Locale.ROOT, "%d frames @ %d/%d fps, cuts at %d and %d, ratio %s, %.0f s%n", n,
                index.rateNumerator(), index.rateDenominator(), cuts[0], cuts[1], ratio, (System.nanoTime() - t0) / 1e9);
        System.out.println("W frames  W s    worst-frame mean |dpha| (frame after the cut)  worst max |dpha|   mean |dpha| at frames "
                + java.util.Arrays.toString(OFFSETS) + " after the cut");
        System.out.printf(Locale.ROOT, "baseline, the whole clip matted from frame 1 instead of 0: worst-frame mean %.2e (frame %d),"
                + " worst max %.3f, mean at frames [1, 2, 3, 5, 9, 17, 33, 65, ...] %s%n", shifted.worstMean,
                1 + shifted.worstOffset, shifted.worstMax, java.util.Arrays.toString(java.util.Arrays.stream(shifted.meanByOffset)
                        .mapToObj(v -> String.format(Locale.ROOT, "%.1e", v)).toArray()));
        if (System.getProperty("curve.csv") != null) {
            try (java.io.PrintWriter csv = new java.io.PrintWriter(System.getProperty("curve.csv"))) {
                csv.println("frame,warmup_frames,cut,mean_abs_dpha");
                for (Piece p : pieces) {
                    for (int k = 0; k < p.meanByFrame.length; k++) {
                        csv.printf(Locale.ROOT, "%d,%d,%d,%.3e%n", p.first + k, p.warmup, p.first, p.meanByFrame[k]);
                    }
                }
            }
        }
        for (int w : warmups) {
            double mean = 0;
            double max = 0;
            int at = 0;
            double[] curve = new double[OFFSETS.length];
            for (Piece p : pieces) {
                if (p.warmup == w && p != shifted) {
                    if (p.worstMean > mean) {
                        mean = p.worstMean;
                        at = p.first + p.worstOffset;
                    }
                    max = Math.max(max, p.worstMax);
                    for (int k = 0; k < OFFSETS.length; k++) {
                        curve[k] = Math.max(curve[k], p.meanByOffset[k]);
                    }
                }
            }
            StringBuilder c = new StringBuilder();
            for (double v : curve) {
                c.append(String.format(Locale.ROOT, " %.1e", v));
            }
            System.out.printf(Locale.ROOT, "%8d  %4.1f   %.2e (frame %d)          %.3f             %s%n", w, w / index.framesPerSecond(),
                    mean, at, max, c);
        }
        for (Piece p : pieces) {
            p.stream.close();
        }
    }

    private static float[] copy(MattedFrame r, float[] into) {
        FloatBuffer a = r.alpha();
        float[] out = into != null && into.length == a.remaining() ? into : new float[a.remaining()];
        a.get(out);
        return out;
    }

    private static final int[] OFFSETS = {0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 400};

    private static void compare(Piece p, int offset, MattedFrame r, float[] expected) {
        FloatBuffer a = r.alpha();
        double sum = 0;
        double max = 0;
        for (int j = 0; j < expected.length; j++) {
            double d = Math.abs(a.get(j) - expected[j]);
            sum += d;
            max = Math.max(max, d);
        }
        double mean = sum / expected.length;
        p.meanByFrame[offset] = mean;
        if (mean > p.worstMean) {
            p.worstMean = mean;
            p.worstOffset = offset;
        }
        p.worstMax = Math.max(p.worstMax, max);
        for (int k = 0; k < OFFSETS.length; k++) {
            if (OFFSETS[k] == offset) {
                p.meanByOffset[k] = mean;
            }
        }
    }
}
