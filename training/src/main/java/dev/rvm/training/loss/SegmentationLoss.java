package dev.rvm.training.loss;

import ai.djl.ndarray.NDArray;
import dev.rvm.training.engine.Constants;

/**
 * Upstream's {@code segmentation_loss}: binary cross-entropy with logits, mean over every element,
 * in the numerically stable form {@code max(x, 0) - x * y + log(1 + exp(-|x|))}.
 */
public final class SegmentationLoss {
    private final Constants constants;

    public SegmentationLoss(Constants constants) {
        this.constants = constants;
    }

    public NDArray apply(NDArray logits, NDArray truth) {
        NDArray softplus = logits.abs().neg().exp().add(constants.of(1f)).log();
        return ai.djl.nn.Activation.relu(logits).sub(logits.mul(truth)).add(softplus).mean();
    }
}
