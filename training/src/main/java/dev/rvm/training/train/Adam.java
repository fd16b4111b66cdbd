package dev.rvm.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.rvm.training.engine.TorchRuntime;
import dev.rvm.training.net.Param;
import dev.rvm.training.net.ParamGroup;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PyTorch's Adam (betas 0.9 / 0.999, eps 1e-8, no weight decay) with one learning rate per
 * parameter group. A pass updates only the groups it used, as PyTorch skips parameters without a
 * gradient; each parameter counts its own steps for the bias correction. Its state is saved in
 * checkpoints so that a resumed run continues exactly.
 */
public final class Adam implements AutoCloseable {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final NDManager manager = TorchRuntime.newManager();
    private final List<Param> params;
    private final Map<ParamGroup, Double> rates;
    private final Map<String, NDArray> firstMoment = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoment = new LinkedHashMap<>();
    private final Map<String, Integer> stepCount = new LinkedHashMap<>();

    public Adam(List<Param> trainable, Map<ParamGroup, Double> rates) {
        this.params = trainable;
        this.rates = new EnumMap<>(rates);
        for (Param p : trainable) {
            firstMoment.put(p.name(), manager.zeros(p.shape()));
            secondMoment.put(p.name(), manager.zeros(p.shape()));
            stepCount.put(p.name(), 0);
        }
    }

    /** Applies the gradients of the parameters in {@code used}, then clears their gradients. */
    public void step(Set<ParamGroup> used) {
        for (Param p : params) {
            if (!used.contains(p.group())) {
                continue;
            }
            double lr = rates.getOrDefault(p.group(), 0.0);
            // every temporary is closed here: the gradient belongs to the network's manager, which lives long
            try (NDArray grad = p.value().getGradient()) {
                int t = stepCount.merge(p.name(), 1, Integer::sum);
                NDArray m = firstMoment.get(p.name());
                NDArray v = secondMoment.get(p.name());
                try (NDArray scaled = grad.mul(1 - BETA1)) {
                    m.muli(BETA1).addi(scaled);
                }
                try (NDArray squared = grad.mul(grad)) {
                    v.muli(BETA2).addi(squared.muli(1 - BETA2));
                }
                if (lr > 0) {
                    double bc1 = 1 - Math.pow(BETA1, t);
                    double bc2 = 1 - Math.pow(BETA2, t);
                    try (NDArray denom = v.sqrt().divi(Math.sqrt(bc2)).addi(EPS);
                         NDArray update = m.div(denom).muli(lr / bc1)) {
                        p.value().subi(update);
                    }
                }
                JniUtils.zeroGrad((PtNDArray) p.value());
            }
        }
    }

    public Map<ParamGroup, Double> rates() {
        return rates;
    }

    // ---- checkpoint state ----------------------------------------------------------------------

    float[] firstMoment(String name) {
        return firstMoment.get(name).toFloatArray();
    }

    float[] secondMoment(String name) {
        return secondMoment.get(name).toFloatArray();
    }

    int steps(String name) {
        return stepCount.get(name);
    }

    void restore(String name, float[] m, float[] v, int steps) {
        if (!firstMoment.containsKey(name)) {
            throw new IllegalArgumentException("the checkpoint has optimizer state for " + name + ", which this network lacks");
        }
        firstMoment.get(name).set(m);
        secondMoment.get(name).set(v);
        stepCount.put(name, steps);
    }

    List<Param> params() {
        return params;
    }

    @Override
    public void close() {
        manager.close();
    }
}
