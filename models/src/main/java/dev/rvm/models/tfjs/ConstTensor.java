package dev.rvm.models.tfjs;

import java.util.Arrays;

/**
 * A constant of the graph, decoded from the weights file. Float constants keep their float32
 * values; int32 constants are widened to long (ONNX shape arithmetic is int64); bools are 0/1.
 */
public record ConstTensor(String name, long[] shape, DType dtype, float[] floats, long[] ints) {

    public enum DType { FLOAT32, INT32, BOOL }

    public int size() {
        return dtype == DType.FLOAT32 ? floats.length : ints.length;
    }

    public int rank() {
        return shape.length;
    }

    public float floatAt(int i) {
        return dtype == DType.FLOAT32 ? floats[i] : ints[i];
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + " " + dtype;
    }
}
