package dev.rvm.gst.element;

import dev.rvm.matting.MattingException;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Opens the matting stream an element instance runs on (the core's, or another for embedding). */
@FunctionalInterface
public interface MattingStreamSource {

    MattingStream open(MattingSettings settings);

    /** The matting core: {@code dev.rvm.matting.MattingStreams.open}. */
    static MattingStreamSource core() {
        return settings -> {
            // Bound by name while the core lands on main in parallel; becomes a direct call after the merge.
            Method open;
            try {
                open = Class.forName("dev.rvm.matting.MattingStreams").getMethod("open", MattingSettings.class);
            } catch (ReflectiveOperationException e) {
                throw new MattingException("the matting core (dev.rvm.matting.MattingStreams) is not on the class "
                        + "path; rebuild with ./rvm or add rvm-plugin to the class path");
            }
            try {
                return (MattingStream) open.invoke(null, settings);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new MattingException("opening the matting core failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new MattingException("opening the matting core failed: " + e, e);
            }
        };
    }
}
