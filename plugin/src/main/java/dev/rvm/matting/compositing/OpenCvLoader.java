package dev.rvm.matting.compositing;

import dev.rvm.matting.MattingException;

/** Loads OpenCV's native library (bundled in the openpnp jar) once, only when something needs it. */
public final class OpenCvLoader {
    private static volatile boolean loaded;

    private OpenCvLoader() {
    }

    public static synchronized void ensureLoaded() {
        if (!loaded) {
            try {
                nu.pattern.OpenCV.loadLocally();
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                throw new MattingException("OpenCV's native library cannot be loaded on this platform (" + e.getMessage()
                        + "); image files, blur and video backgrounds need it; colour and transparent backgrounds do not", e);
            }
            loaded = true;
        }
    }
}
