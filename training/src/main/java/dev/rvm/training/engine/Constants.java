package dev.rvm.training.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Scalar tensors that live as long as their manager. DJL's {@code mul(Number)} and friends build a
 * temporary scalar and free it at once; PyTorch's autograd keeps a pointer into that freed memory
 * and backward then reads garbage. Every scalar that takes part in a forward pass comes from here.
 */
public final class Constants {
    private final NDManager manager;
    private final Map<Integer, NDArray> scalars = new HashMap<>();

    public Constants(NDManager manager) {
        this.manager = manager;
    }

    public synchronized NDArray of(float value) {
        return scalars.computeIfAbsent(Float.floatToIntBits(value), k -> manager.create(value));
    }

    public NDManager manager() {
        return manager;
    }
}
