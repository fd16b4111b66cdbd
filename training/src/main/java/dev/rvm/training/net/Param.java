package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * One named tensor of the network. Trainable parameters get gradients and optimizer state;
 * buffers (batch-norm running statistics) are saved and exported but never trained.
 */
public final class Param {
    private final String name;
    private final ParamGroup group;
    private final Shape shape;
    private final boolean buffer;
    private NDArray value;

    Param(String name, ParamGroup group, Shape shape, boolean buffer) {
        this.name = name;
        this.group = group;
        this.shape = shape;
        this.buffer = buffer;
    }

    public String name() {
        return name;
    }

    public ParamGroup group() {
        return group;
    }

    public Shape shape() {
        return shape;
    }

    public boolean isBuffer() {
        return buffer;
    }

    public NDArray value() {
        return value;
    }

    public float[] toFloats() {
        return value.toFloatArray();
    }

    /** Replaces the values in place (the array keeps its identity, so the optimizer's references stay valid). */
    public void set(float[] values) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(name + " " + shape + " needs " + shape.size() + " values, got " + values.length);
        }
        value.set(values);
    }

    void bind(NDArray array) {
        if (!array.getShape().equals(shape)) {
            throw new IllegalArgumentException(name + ": array " + array.getShape() + " for a parameter of shape " + shape);
        }
        value = array;
        if (!buffer) {
            value.setRequiresGradient(true);
        }
    }

    @Override
    public String toString() {
        return name + shape;
    }
}
