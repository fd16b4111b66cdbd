package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.rvm.training.engine.Constants;

import java.util.List;

/** A backbone: frames {@code [N,3,H,W]} in [0,1] to the features at 1/2, 1/4, 1/8 and 1/16. */
public interface Encoder {
    /** f1, f2, f3, f4. */
    NDList forward(NDArray x, boolean training, Constants c);

    /** Channels of f1..f4. */
    long[] channels();

    /** The learned values in the order of the converted ONNX graph (empty when there is no converted form). */
    List<WeightSite> weightSites();
}
