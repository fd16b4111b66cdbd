package dev.rvm.training.net;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every parameter and buffer of a network, in declaration order, created with their initial values
 * (PyTorch's defaults, drawn from a seeded generator so that a run can be repeated).
 */
public final class ParamSet {
    private final NDManager manager;
    private final SplittableRandom random;
    private final Map<String, Param> byName = new LinkedHashMap<>();

    public ParamSet(NDManager manager, long seed) {
        this.manager = manager;
        this.random = new SplittableRandom(seed);
    }

    public NDManager manager() {
        return manager;
    }

    /** A convolution kernel with PyTorch's default init: U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    Param kernel(String name, ParamGroup group, Shape shape) {
        long fanIn = shape.size() / shape.get(0);
        return uniform(name, group, shape, 1 / Math.sqrt(fanIn));
    }

    /** A kernel with He init for ReLU networks trained from scratch (torchvision's ResNet: fan_out). */
    Param heKernel(String name, ParamGroup group, Shape shape) {
        long fanOut = shape.size() / shape.get(1);
        double std = Math.sqrt(2.0 / fanOut);
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (gaussian() * std);
        }
        return add(name, group, shape, v, false);
    }

    Param bias(String name, ParamGroup group, long channels, long fanIn) {
        return uniform(name, group, new Shape(channels), 1 / Math.sqrt(fanIn));
    }

    Param constant(String name, ParamGroup group, Shape shape, float value, boolean buffer) {
        float[] v = new float[(int) shape.size()];
        java.util.Arrays.fill(v, value);
        return add(name, group, shape, v, buffer);
    }

    private Param uniform(String name, ParamGroup group, Shape shape, double bound) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return add(name, group, shape, v, false);
    }

    private Param add(String name, ParamGroup group, Shape shape, float[] values, boolean buffer) {
        if (byName.containsKey(name)) {
            throw new IllegalStateException("parameter " + name + " declared twice");
        }
        Param p = new Param(name, group, shape, buffer);
        p.bind(manager.create(values, shape));
        byName.put(name, p);
        return p;
    }

    private double gaussian() {
        // Box-Muller on the seeded generator (SplittableRandom has no nextGaussian on Java 17).
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    public List<Param> all() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    public List<Param> trainable() {
        return byName.values().stream().filter(p -> !p.isBuffer()).toList();
    }

    public Param get(String name) {
        Param p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return p;
    }

    public long count() {
        return byName.values().stream().filter(p -> !p.isBuffer()).mapToLong(p -> p.shape().size()).sum();
    }
}
