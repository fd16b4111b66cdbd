package dev.rvm.matting;

/** Where ONNX Runtime runs the network. */
public enum Device {
    CPU,
    /** Needs the ONNX Runtime GPU build on the class path; refused with a clear error otherwise. */
    CUDA
}
