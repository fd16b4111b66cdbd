package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.rvm.training.engine.Constants;
import dev.rvm.training.engine.TorchRuntime;

import java.util.ArrayList;
import java.util.List;

/**
 * RVM's {@code MattingNetwork}: encoder, LR-ASPP, recurrent decoder, matting projection (foreground
 * residual + alpha), segmentation projection, and a refiner used when the body runs downsampled.
 * Input {@code src [B,T,3,H,W]} in [0,1]; the encoder sees all B*T frames at once, the GRUs step
 * through T. Owns its parameters; close it to free them.
 */
public final class MattingNetwork implements AutoCloseable {
    private final Variant variant;
    private final RefinerKind refinerKind;
    private final NDManager manager;
    private final Constants constants;
    private final ParamSet params;
    private final Normalization normalization;
    private final Encoder backbone;
    private final LrAspp aspp;
    private final RecurrentDecoder decoder;
    private final Conv projectMat;
    private final Conv projectSeg;
    private final Refiner refiner;

    /** What one pass returns. {@code fgr}/{@code pha} (matting) or {@code seg} (logits) are null for the other pass. */
    public record Output(NDArray fgr, NDArray pha, NDArray seg, NDArray[] states) {
    }

    public MattingNetwork(Variant variant, RefinerKind refinerKind, long seed) {
        this.variant = variant;
        this.refinerKind = refinerKind;
        this.manager = TorchRuntime.newManager();
        this.constants = new Constants(manager);
        this.params = new ParamSet(manager, seed);
        this.normalization = Normalization.imageNet(manager);
        if (variant == Variant.MOBILENETV3) {
            backbone = new MobileNetV3Encoder(params, normalization);
            aspp = new LrAspp(params, 960, 128, true);
            decoder = new RecurrentDecoder(params, new long[] {16, 24, 40, 128}, new long[] {80, 40, 32, 16}, true);
        } else {
            backbone = new ResNet50Encoder(params, normalization);
            aspp = new LrAspp(params, 2048, 256, false);
            decoder = new RecurrentDecoder(params, new long[] {64, 256, 512, 256}, new long[] {128, 64, 32, 16}, false);
        }
        projectMat = Conv.of(16, 4, 1).build(params, "project_mat.conv", ParamGroup.PROJECT_MAT);
        projectSeg = Conv.of(16, 1, 1).build(params, "project_seg.conv", ParamGroup.PROJECT_SEG);
        refiner = refinerKind == RefinerKind.FAST_GUIDED_FILTER ? new FastGuidedFilter(manager)
                : new DeepGuidedFilter(params, decoder.hiddenChannels());
    }

    /**
     * One pass over {@code src [B,T,3,H,W]}.
     *
     * @param ratio        downsample ratio of the body (1: full resolution, no refiner)
     * @param segmentation the segmentation pass (logits at body resolution, never refined)
     * @param states       r1..r4 to start from, or null for zeros
     * @param training     batch norm uses batch statistics (and updates running ones)
     */
    public Output forward(NDArray src, float ratio, boolean segmentation, NDArray[] states, boolean training) {
        Shape s = src.getShape();
        int batch = (int) s.get(0);
        long frames = s.get(1);
        long h = s.get(3);
        long w = s.get(4);
        NDArray flat = src.reshape(batch * frames, 3, h, w);
        NDArray small = flat;
        if (ratio != 1f) {
            small = Resampling.resize(flat, Resampling.scaled(h, ratio), Resampling.scaled(w, ratio), src.getManager());
        }
        NDList f = backbone.forward(small, training, constants);
        NDList features = new NDList(f.get(0), f.get(1), f.get(2), aspp.forward(f.get(3), training, constants));
        RecurrentDecoder.Result dec = decoder.forward(small, features, batch,
                states == null ? new NDArray[4] : states, training, constants);
        if (segmentation) {
            NDArray seg = projectSeg.forward(dec.hidden());
            return new Output(null, null, unflatten(seg, batch, frames), dec.states());
        }
        NDList mat = projectMat.forward(dec.hidden()).split(new long[] {3}, 1);
        NDArray fgrResidual = mat.get(0);
        NDArray pha = mat.get(1);
        if (ratio != 1f) {
            NDList refined = refiner.forward(flat, small, fgrResidual, pha, dec.hidden(), training, constants);
            fgrResidual = refined.get(0);
            pha = refined.get(1);
        }
        NDArray fgr = fgrResidual.add(flat).clip(0, 1);
        pha = pha.clip(0, 1);
        return new Output(unflatten(fgr, batch, frames), unflatten(pha, batch, frames), null, dec.states());
    }

    private static NDArray unflatten(NDArray x, int batch, long frames) {
        Shape s = x.getShape();
        return x.reshape(batch, frames, s.get(1), s.get(2), s.get(3));
    }

    public Variant variant() {
        return variant;
    }

    public RefinerKind refinerKind() {
        return refinerKind;
    }

    public ParamSet params() {
        return params;
    }

    public Normalization normalization() {
        return normalization;
    }

    public NDManager manager() {
        return manager;
    }

    /** The learned values in the converted ONNX graph's order: backbone, ASPP, decoder, matting projection. */
    public List<WeightSite> convertedWeightSites() {
        if (variant != Variant.MOBILENETV3) {
            throw new UnsupportedOperationException("only the mobilenetv3 variant has a converted ONNX form");
        }
        List<WeightSite> sites = new ArrayList<>(backbone.weightSites());
        sites.addAll(aspp.weightSites());
        sites.addAll(decoder.weightSites());
        sites.add(new WeightSite.ConvSite(projectMat));
        return sites;
    }

    @Override
    public void close() {
        manager.close();
    }
}
