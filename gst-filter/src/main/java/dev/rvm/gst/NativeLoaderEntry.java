package dev.rvm.gst;

import dev.rvm.gst.element.MattingStreamSource;
import dev.rvm.gst.element.RvmMatteType;

/**
 * Called over JNI by the native loader ({@code libgstrvmmatte.so}) at the first NULL->READY of an
 * {@code rvmmatte} in a C host such as gst-launch-1.0: registers the Java element under an internal
 * factory name, which the loader's bin then instantiates.
 */
public final class NativeLoaderEntry {
    private NativeLoaderEntry() {
    }

    /** Returns null on success, else a one-line reason the loader posts as an element error. */
    public static String start(String innerFactoryName) {
        try {
            RvmMatteType.register(innerFactoryName, MattingStreamSource.core());
            return null;
        } catch (Throwable t) {
            return t.getMessage() != null ? t.getMessage() : t.toString();
        }
    }
}
