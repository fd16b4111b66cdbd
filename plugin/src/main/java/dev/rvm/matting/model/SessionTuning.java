package dev.rvm.matting.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.rvm.matting.Device;

/**
 * ONNX Runtime session options. The defaults are the winners of measurements on a 2-core CPU
 * (see {@code ./rvm speedtest}); the other values stay selectable for re-measuring elsewhere.
 *
 * @param intraOpThreads 0 lets ONNX Runtime pick (one per core)
 * @param spinning       whether ONNX Runtime's idle threads spin-wait for work; they then compete with
 *                       the pixel conversions that run between model calls
 * @param deviceIndex    which accelerator of the machine runs the session (CUDA device number); a
 *                       process that was given one device by a scheduler names it here
 */
public record SessionTuning(int intraOpThreads, Device device, OrtSession.SessionOptions.OptLevel optLevel,
                            boolean memoryPattern, OrtSession.SessionOptions.ExecutionMode executionMode,
                            boolean spinning, int deviceIndex) {

    public SessionTuning {
        if (deviceIndex < 0) {
            throw new IllegalArgumentException("device index must be 0 or more; got " + deviceIndex);
        }
    }

    /** Tuning on the first device of its kind. */
    public SessionTuning(int intraOpThreads, Device device, OrtSession.SessionOptions.OptLevel optLevel,
                         boolean memoryPattern, OrtSession.SessionOptions.ExecutionMode executionMode, boolean spinning) {
        this(intraOpThreads, device, optLevel, memoryPattern, executionMode, spinning, 0);
    }

    public static SessionTuning of(int intraOpThreads, Device device) {
        return new SessionTuning(intraOpThreads, device, OrtSession.SessionOptions.OptLevel.ALL_OPT, true,
                OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL, false);
    }

    /** The same tuning on another device of the same kind. */
    public SessionTuning onDevice(int index) {
        return new SessionTuning(intraOpThreads, device, optLevel, memoryPattern, executionMode, spinning, index);
    }

    /** Options for one session; the caller closes them after the session they made (they must outlive it). */
    OrtSession.SessionOptions toOptions() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            o.setOptimizationLevel(optLevel);
            o.setMemoryPatternOptimization(memoryPattern);
            o.setExecutionMode(executionMode);
            if (!spinning) {
                o.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            if (intraOpThreads > 0) {
                o.setIntraOpNumThreads(intraOpThreads);
            }
            if (device == Device.CUDA) {
                try {
                    o.addCUDA(deviceIndex);
                } catch (OrtException | UnsatisfiedLinkError e) {
                    throw new ModelException("device CUDA needs the ONNX Runtime GPU build (onnxruntime_gpu) on the class path"
                            + " and a CUDA driver; use device CPU or install them (" + e.getMessage() + ")", e);
                }
            }
            return o;
        } catch (RuntimeException | OrtException e) {
            o.close();
            throw e;
        }
    }
}
