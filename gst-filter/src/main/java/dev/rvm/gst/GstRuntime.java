package dev.rvm.gst;

import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Version;

import java.nio.file.Path;
import java.nio.file.Paths;

/** GStreamer in this JVM, started once, with {@code rvmmatte} registered on the matting core. */
public final class GstRuntime {
    private static boolean started;

    private GstRuntime() {
    }

    public static synchronized void start(String programName) {
        if (!started) {
            if (!Gst.isInitialized()) {
                RvmMatteElement.prepareGstInit();
                Gst.init(Version.of(1, 16), programName);
            }
            RvmMatteElement.register();
            started = true;
        }
    }

    /**
     * The native loader built next to these classes ({@code gst-filter/target/native/libgstrvmmatte.so}
     * when run from the build tree), for {@code ./rvm plugin install|path}.
     */
    public static Path nativeLoader() {
        try {
            Path classes = Paths.get(GstRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().resolve("native").resolve("libgstrvmmatte.so");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the gst-filter build directory", e);
        }
    }
}
