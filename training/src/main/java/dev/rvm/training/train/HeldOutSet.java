package dev.rvm.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.rvm.evaluation.ConnectivityError;
import dev.rvm.evaluation.FloatImage;
import dev.rvm.evaluation.GradientError;
import dev.rvm.evaluation.Metric;
import dev.rvm.evaluation.PixelErrors;
import dev.rvm.training.augment.MotionAugmentation;
import dev.rvm.training.data.Backgrounds;
import dev.rvm.training.data.MattingClip;
import dev.rvm.training.data.MattingDataset;
import dev.rvm.training.data.VideoMatteDataset;
import dev.rvm.training.engine.TorchRuntime;
import dev.rvm.training.net.MattingNetwork;
import dev.rvm.matting.files.InvalidInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The validation set: the first frames of every clip of a VideoMatte-layout directory, each
 * composited once over a fixed background (clip i over background i), scaled to cover the
 * validation size and centre-cropped, no augmentation. Scored with the project's evaluation
 * metrics after rounding prediction and truth to 8 bits, as {@code ./rvm evaluate} sees PNGs;
 * the run's figure is the mean of the clip means.
 */
final class HeldOutSet {
    static final List<Metric> METRICS = List.of(Metric.PHA_MAD, Metric.PHA_MSE, Metric.PHA_GRAD, Metric.PHA_CONN,
            Metric.PHA_DTSSD, Metric.FGR_MAD, Metric.FGR_MSE);

    private record Clip(String name, int frames, float[] src, float[] pha, float[] fgr) {
    }

    private final List<Clip> clips = new ArrayList<>();
    private final Size2 size;
    private final float ratio;
    private final int chunk;

    HeldOutSet(Path dir, Backgrounds backgrounds, Size2 size, int frames, float ratio, int chunk) {
        this.size = size;
        this.ratio = ratio;
        this.chunk = chunk;
        MattingDataset set = MattingDataset.open(dir, backgrounds, frames, size.longSide(), false);
        if (!(set instanceof VideoMatteDataset video)) {
            throw new InvalidInputException("--validation " + dir + " must have the VideoMatte layout (fgr/CLIP/FRAME + pha/CLIP/FRAME)");
        }
        MotionAugmentation fit = new MotionAugmentation(MotionAugmentation.Settings.NONE, size.width(), size.height());
        for (int c = 0; c < video.clips().size(); c++) {
            int n = Math.min(frames, video.frames(c).size());
            MattingClip clip = video.consecutive(c, 0, n, backgrounds.fixed(c, n, size.longSide()));
            MotionAugmentation.Result r = fit.apply(clip.fgrs(), clip.phas(), clip.bgrs(), new java.util.Random(c));
            int plane = (int) size.pixels();
            float[] fgr = new float[n * 3 * plane];
            float[] pha = new float[n * plane];
            float[] bgr = new float[n * 3 * plane];
            try {
                Batch.put(fgr, 3, size.height(), size.width(), 0, n, r.fgrs());
                Batch.put(pha, 1, size.height(), size.width(), 0, n, r.phas());
                Batch.put(bgr, 3, size.height(), size.width(), 0, n, r.bgrs());
            } finally {
                r.release();
            }
            float[] src = new float[fgr.length];
            for (int t = 0; t < n; t++) {
                for (int ch = 0; ch < 3; ch++) {
                    for (int i = 0; i < plane; i++) {
                        int at = (t * 3 + ch) * plane + i;
                        float a = pha[t * plane + i];
                        src[at] = fgr[at] * a + bgr[at] * (1 - a);
                    }
                }
            }
            clips.add(new Clip(video.clips().get(c), n, src, pha, fgr));
        }
    }

    int clipCount() {
        return clips.size();
    }

    int frameCount() {
        return clips.stream().mapToInt(Clip::frames).sum();
    }

    /** Mean over clips of each metric's clip mean. */
    Map<Metric, Double> score(MattingNetwork net) {
        Map<Metric, Double> sums = new EnumMap<>(Metric.class);
        try (GradientError gradient = new GradientError()) {
            ConnectivityError connectivity = new ConnectivityError();
            for (Clip clip : clips) {
                Map<Metric, Double> clipMeans = scoreClip(net, clip, gradient, connectivity);
                clipMeans.forEach((m, v) -> sums.merge(m, v, Double::sum));
            }
        }
        Map<Metric, Double> means = new EnumMap<>(Metric.class);
        sums.forEach((m, v) -> means.put(m, v / clips.size()));
        return means;
    }

    private Map<Metric, Double> scoreClip(MattingNetwork net, Clip clip, GradientError gradient, ConnectivityError connectivity) {
        int w = size.width();
        int h = size.height();
        int plane = w * h;
        float[] predPha = new float[clip.frames() * plane];
        float[] predFgr = new float[clip.frames() * 3 * plane];
        try (NDManager m = TorchRuntime.newManager()) {
            NDArray[] state = null;
            for (int from = 0; from < clip.frames(); from += chunk) {
                int n = Math.min(chunk, clip.frames() - from);
                float[] part = new float[n * 3 * plane];
                System.arraycopy(clip.src(), from * 3 * plane, part, 0, part.length);
                // a chunk's intermediate arrays go with its own manager; only the state moves on
                try (NDManager chunkArrays = m.newSubManager()) {
                    NDArray src = chunkArrays.create(part, new Shape(1, n, 3, h, w));
                    MattingNetwork.Output out = net.forward(src, ratio, false, state, false);
                    System.arraycopy(out.pha().toFloatArray(), 0, predPha, from * plane, n * plane);
                    System.arraycopy(out.fgr().toFloatArray(), 0, predFgr, from * 3 * plane, n * 3 * plane);
                    state = out.states();
                    for (NDArray s : state) {
                        s.attach(m);
                    }
                }
            }
        }
        Map<Metric, double[]> perFrame = new EnumMap<>(Metric.class);
        METRICS.forEach(mt -> perFrame.put(mt, new double[clip.frames()]));
        FloatImage prevPred = null;
        FloatImage prevTrue = null;
        for (int t = 0; t < clip.frames(); t++) {
            FloatImage p = FloatImage.alpha(w, h, quantise(predPha, t * plane, plane));
            FloatImage g = FloatImage.alpha(w, h, quantise(clip.pha(), t * plane, plane));
            perFrame.get(Metric.PHA_MAD)[t] = PixelErrors.mad(p, g);
            perFrame.get(Metric.PHA_MSE)[t] = PixelErrors.mse(p, g);
            perFrame.get(Metric.PHA_GRAD)[t] = gradient.compute(p, g);
            perFrame.get(Metric.PHA_CONN)[t] = connectivity.compute(p, g);
            perFrame.get(Metric.PHA_DTSSD)[t] = t == 0 ? 0 : PixelErrors.dtssd(p, prevPred, g, prevTrue);
            FloatImage pf = interleaved(predFgr, t, w, h);
            FloatImage gf = interleaved(clip.fgr(), t, w, h);
            perFrame.get(Metric.FGR_MAD)[t] = PixelErrors.maskedMad(pf, gf, g);
            perFrame.get(Metric.FGR_MSE)[t] = PixelErrors.maskedMse(pf, gf, g);
            prevPred = p;
            prevTrue = g;
        }
        Map<Metric, Double> means = new EnumMap<>(Metric.class);
        perFrame.forEach((mt, v) -> means.put(mt, java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN)));
        return means;
    }

    /** round(v * 255) / 255, as written to and read from an 8-bit PNG. */
    private static float[] quantise(float[] v, int from, int n) {
        float[] q = new float[n];
        for (int i = 0; i < n; i++) {
            q[i] = Math.round(Math.min(1f, Math.max(0f, v[from + i])) * 255f) / 255f;
        }
        return q;
    }

    private static FloatImage interleaved(float[] chw, int frame, int w, int h) {
        int plane = w * h;
        float[] out = new float[plane * 3];
        for (int ch = 0; ch < 3; ch++) {
            for (int i = 0; i < plane; i++) {
                out[i * 3 + ch] = Math.round(Math.min(1f, Math.max(0f, chw[(frame * 3 + ch) * plane + i])) * 255f) / 255f;
            }
        }
        return new FloatImage(w, h, 3, out);
    }
}
