package dev.rvm.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.rvm.training.engine.Constants;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Upstream's {@code matting_loss} (train_loss.py), over {@code [B, T, C, H, W]} tensors:
 * <ul>
 * <li>{@code pha_l1} = L1(pred alpha, true alpha);</li>
 * <li>{@code pha_laplacian} = the Laplacian pyramid loss of the alphas (frames flattened);</li>
 * <li>{@code pha_coherence} = 5 x MSE of the frame-to-frame differences of the alphas;</li>
 * <li>{@code fgr_l1} and {@code fgr_coherence} = the same two for the foregrounds, both multiplied
 * by the mask true alpha &gt; 0 first;</li>
 * <li>{@code total} = their sum.</li>
 * </ul>
 * With a single frame the coherence terms have nothing to compare and are 0 (upstream's MSE of
 * empty tensors would be NaN).
 */
public final class MattingLoss {
    public static final String[] TERMS = {"pha_l1", "pha_laplacian", "pha_coherence", "fgr_l1", "fgr_coherence", "total"};

    private final Constants constants;
    private final LaplacianLoss laplacian;

    public MattingLoss(Constants constants) {
        this.constants = constants;
        this.laplacian = new LaplacianLoss(constants);
    }

    /** Every term by name, {@code total} last; each a scalar tensor in the graph of the predictions. */
    public Map<String, NDArray> apply(NDArray predFgr, NDArray predPha, NDArray trueFgr, NDArray truePha) {
        Map<String, NDArray> loss = new LinkedHashMap<>();
        loss.put("pha_l1", l1(predPha, truePha));
        loss.put("pha_laplacian", laplacian.apply(flattenTime(predPha), flattenTime(truePha)));
        loss.put("pha_coherence", coherence(predPha, truePha));
        NDArray mask = truePha.gt(constants.of(0f)).toType(predFgr.getDataType(), false);
        NDArray maskedPred = predFgr.mul(mask);
        NDArray maskedTrue = trueFgr.mul(mask);
        loss.put("fgr_l1", l1(maskedPred, maskedTrue));
        loss.put("fgr_coherence", coherence(maskedPred, maskedTrue));
        NDArray total = loss.get("pha_l1").add(loss.get("pha_coherence")).add(loss.get("pha_laplacian"))
                .add(loss.get("fgr_l1")).add(loss.get("fgr_coherence"));
        loss.put("total", total);
        return loss;
    }

    static NDArray l1(NDArray pred, NDArray truth) {
        return pred.sub(truth).abs().mean();
    }

    private NDArray coherence(NDArray pred, NDArray truth) {
        if (pred.getShape().get(1) < 2) {
            return pred.sum().mul(constants.of(0f));
        }
        NDArray dp = pred.get(":, 1:").sub(pred.get(":, :-1"));
        NDArray dt = truth.get(":, 1:").sub(truth.get(":, :-1"));
        return dp.sub(dt).square().mean().mul(constants.of(5f));
    }

    private static NDArray flattenTime(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0) * s.get(1), s.get(2), s.get(3), s.get(4));
    }
}
