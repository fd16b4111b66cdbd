package dev.rvm.training.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one PyTorch engine of the process, set up for training on the CPU: native libraries from the
 * {@code pytorch-native-cpu} jar on the class path (no download, {@code ai.djl.offline}), unpacked
 * by DJL into its cache ({@code DJL_CACHE_DIR}, default {@code ~/.djl.ai}), quiet logging, and a
 * fixed thread count so that runs are repeatable.
 */
public final class TorchRuntime {

    private static Engine engine;
    private static int threads;

    private TorchRuntime() {
    }

    /**
     * Starts the engine once; {@code intraOpThreads} 0 means one per core. A later call with another
     * thread count changes it (PyTorch allows that between operations).
     */
    public static synchronized Engine start(int intraOpThreads) {
        int wanted = intraOpThreads > 0 ? intraOpThreads : Runtime.getRuntime().availableProcessors();
        if (engine == null) {
            defaultProperty("ai.djl.offline", "true");
            defaultProperty("ai.djl.default_engine", "PyTorch");
            // DJL probes for CUDA and warns when there is none; this is a CPU engine.
            defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            defaultProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
            defaultProperty("org.slf4j.simpleLogger.logFile", "System.err");
            defaultProperty("ai.djl.pytorch.num_interop_threads", "1");
            defaultProperty("ai.djl.pytorch.num_threads", Integer.toString(wanted));
            try {
                engine = Engine.getEngine("PyTorch");
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                throw new IllegalStateException("the PyTorch engine could not start (" + e.getMessage()
                        + "); it unpacks its native libraries into DJL_CACHE_DIR (default ~/.djl.ai):"
                        + " make sure that directory is writable and has about 500 MB free", e);
            }
            threads = wanted;
        }
        if (wanted != threads) {
            JniUtils.setNumThreads(wanted);
            threads = wanted;
        }
        return engine;
    }

    public static synchronized int threads() {
        return threads;
    }

    /** A manager for arrays with one owner and one lifetime (a network, a step). */
    public static NDManager newManager() {
        if (engine == null) {
            start(0);
        }
        return NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }

    /** Seeds PyTorch's own generator (dropout-free networks use it only for randn). */
    public static void seed(long seed) {
        JniUtils.setSeed(seed);
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
