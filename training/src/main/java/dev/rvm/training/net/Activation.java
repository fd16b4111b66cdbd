package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import dev.rvm.training.engine.Constants;

/** The non-linearities of RVM, written in the converted graph's operation order. */
public enum Activation {
    NONE, RELU, HARDSWISH;

    public NDArray apply(NDArray x, Constants c) {
        return switch (this) {
            case NONE -> x;
            case RELU -> ai.djl.nn.Activation.relu(x);
            case HARDSWISH -> hardSwish(x, c);
        };
    }

    /** {@code (x * 1/6) * relu6(x + 3)}, the graph's order of the same arithmetic. */
    public static NDArray hardSwish(NDArray x, Constants c) {
        return x.mul(c.of(1f / 6f)).mul(x.add(c.of(3f)).clip(0, 6));
    }

    /** {@code relu6(x + 3) * 1/6}. */
    public static NDArray hardSigmoid(NDArray x, Constants c) {
        return x.add(c.of(3f)).clip(0, 6).mul(c.of(1f / 6f));
    }
}
