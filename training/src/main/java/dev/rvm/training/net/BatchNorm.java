package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Batch normalisation with running statistics, as PyTorch's BatchNorm2d (momentum 0.1, eps 1e-5):
 * batch statistics while training, the running ones in evaluation.
 */
public final class BatchNorm {
    private final Param gamma;
    private final Param beta;
    private final Param runningMean;
    private final Param runningVar;

    public BatchNorm(ParamSet params, String name, ParamGroup group, long channels) {
        gamma = params.constant(name + ".weight", group, new Shape(channels), 1f, false);
        beta = params.constant(name + ".bias", group, new Shape(channels), 0f, false);
        runningMean = params.constant(name + ".running_mean", group, new Shape(channels), 0f, true);
        runningVar = params.constant(name + ".running_var", group, new Shape(channels), 1f, true);
    }

    public NDArray forward(NDArray x, boolean training) {
        return ai.djl.nn.norm.BatchNorm.batchNorm(x, runningMean.value(), runningVar.value(), gamma.value(), beta.value(),
                1, 0.1f, 1e-5f, training).singletonOrThrow();
    }
}
