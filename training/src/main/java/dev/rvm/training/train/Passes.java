package dev.rvm.training.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.rvm.training.engine.Constants;
import dev.rvm.training.engine.TorchRuntime;
import dev.rvm.training.loss.MattingLoss;
import dev.rvm.training.loss.SegmentationLoss;
import dev.rvm.training.net.MattingNetwork;
import dev.rvm.training.net.ParamGroup;
import dev.rvm.training.net.Resampling;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One optimizer step of each of upstream's passes ({@code train_mat}, {@code train_seg}): the
 * batch's random multi-scale crop, the composite {@code fgr * pha + bgr * (1 - pha)}, forward,
 * loss, backward, Adam on the parts the pass used. Every array of a step lives in the step's own
 * manager and is freed when the step ends.
 */
final class Passes implements AutoCloseable {
    private static final Set<ParamGroup> MATTING = EnumSet.of(ParamGroup.BACKBONE, ParamGroup.ASPP, ParamGroup.DECODER,
            ParamGroup.PROJECT_MAT);
    private static final Set<ParamGroup> SEGMENTATION = EnumSet.of(ParamGroup.BACKBONE, ParamGroup.ASPP, ParamGroup.DECODER,
            ParamGroup.PROJECT_SEG);

    private final MattingNetwork net;
    private final Adam adam;
    private final boolean randomCrop;
    private final long seed;
    private final NDManager constantsManager = TorchRuntime.newManager();
    private final Constants constants = new Constants(constantsManager);
    private final MattingLoss mattingLoss = new MattingLoss(constants);
    private final SegmentationLoss segmentationLoss = new SegmentationLoss(constants);

    Passes(MattingNetwork net, Adam adam, boolean randomCrop, long seed) {
        this.net = net;
        this.adam = adam;
        this.randomCrop = randomCrop;
        this.seed = seed;
    }

    /** The matting pass at a downsample ratio; returns every loss term by name. */
    Map<String, Double> matting(Batch b, float ratio, long step, int stream) {
        Map<String, Double> values = new LinkedHashMap<>();
        try (NDManager m = TorchRuntime.newManager()) {
            NDArray fgr = m.create(b.a(), new Shape(b.batch(), b.frames(), 3, b.height(), b.width()));
            NDArray pha = m.create(b.b(), new Shape(b.batch(), b.frames(), 1, b.height(), b.width()));
            NDArray bgr = m.create(b.c(), new Shape(b.batch(), b.frames(), 3, b.height(), b.width()));
            if (randomCrop) {
                int[] crop = cropSize(b, step, stream);
                fgr = crop(fgr, crop, m);
                pha = crop(pha, crop, m);
                bgr = crop(bgr, crop, m);
            }
            NDArray src = fgr.mul(pha).add(bgr.mul(pha.onesLike().sub(pha)));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                MattingNetwork.Output out = net.forward(src, ratio, false, null, true);
                Map<String, NDArray> loss = mattingLoss.apply(out.fgr(), out.pha(), fgr, pha);
                gc.backward(loss.get("total"));
                loss.forEach((k, v) -> values.put(k, (double) v.getFloat()));
            }
            Set<ParamGroup> used = EnumSet.copyOf(MATTING);
            if (ratio != 1f) {
                used.add(ParamGroup.REFINER);
            }
            adam.step(used);
        }
        return values;
    }

    /** The segmentation pass; returns the BCE loss. */
    double segmentation(Batch b, long step) {
        try (NDManager m = TorchRuntime.newManager()) {
            NDArray img = m.create(b.a(), new Shape(b.batch(), b.frames(), 3, b.height(), b.width()));
            NDArray seg = m.create(b.b(), new Shape(b.batch(), b.frames(), 1, b.height(), b.width()));
            if (randomCrop) {
                int[] crop = cropSize(b, step, 9);
                img = crop(img, crop, m);
                seg = crop(seg, crop, m);
            }
            double value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                MattingNetwork.Output out = net.forward(img, 1f, true, null, true);
                NDArray loss = segmentationLoss.apply(out.seg(), seg);
                gc.backward(loss);
                value = loss.getFloat();
            }
            adam.step(SEGMENTATION);
            return value;
        }
    }

    /**
     * Upstream's {@code random_crop}: a size between half and all of the frame, chosen per step;
     * the frames are scaled (bilinear, no antialiasing, as {@code F.interpolate}) until they cover
     * it and centre-cropped. Upstream scales to a square, which for its square frames is the same.
     */
    private int[] cropSize(Batch b, long step, int stream) {
        Random r = new Random(BatchSource.Shuffle.mix(seed, 100 + stream, step));
        int w = b.width() < 2 ? b.width() : b.width() / 2 + r.nextInt(b.width() - b.width() / 2);
        int h = b.height() < 2 ? b.height() : b.height() / 2 + r.nextInt(b.height() - b.height() / 2);
        return new int[] {h, w};
    }

    private static NDArray crop(NDArray x, int[] crop, NDManager m) {
        Shape s = x.getShape();
        long height = s.get(3);
        long width = s.get(4);
        double scale = Math.max((double) crop[0] / height, (double) crop[1] / width);
        long sh = Math.max(crop[0], Math.round(height * scale));
        long sw = Math.max(crop[1], Math.round(width * scale));
        NDArray flat = x.reshape(s.get(0) * s.get(1), s.get(2), height, width);
        NDArray scaled = Resampling.resize(flat, sh, sw, m);
        long top = (sh - crop[0]) / 2;
        long left = (sw - crop[1]) / 2;
        NDArray cropped = scaled.get(":, :, {}:{}, {}:{}", top, top + crop[0], left, left + crop[1]);
        return cropped.reshape(s.get(0), s.get(1), s.get(2), crop[0], crop[1]);
    }

    @Override
    public void close() {
        constantsManager.close();
    }
}
