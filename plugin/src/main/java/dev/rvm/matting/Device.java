package dev.rvm.matting;

import dev.rvm.matting.settings.Nicked;

import java.util.Locale;

/** Where ONNX Runtime runs the network. */
public enum Device implements Nicked {
    CPU,
    /** Needs the ONNX Runtime GPU build on the class path; refused with a clear error otherwise. */
    CUDA;

    @Override
    public String nick() {
        return name().toLowerCase(Locale.ROOT);
    }
}
