package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.rvm.training.engine.Constants;

import java.util.List;

/**
 * Brings the low-resolution foreground residual and alpha up to the input's resolution, guided by
 * the full-resolution image (used only when the network runs downsampled).
 */
public interface Refiner {
    /**
     * @param fineSrc  full-resolution frames {@code [N,3,H,W]}
     * @param baseSrc  the downsampled frames the body saw {@code [N,3,h,w]}
     * @param baseFgr  foreground residual at {@code h x w}
     * @param basePha  alpha at {@code h x w}
     * @param baseHid  the decoder's hidden features at {@code h x w}
     * @return the foreground residual and alpha at {@code H x W}
     */
    NDList forward(NDArray fineSrc, NDArray baseSrc, NDArray baseFgr, NDArray basePha, NDArray baseHid,
                   boolean training, Constants c);

    List<WeightSite> weightSites();
}
