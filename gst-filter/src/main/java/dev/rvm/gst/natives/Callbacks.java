package dev.rvm.gst.natives;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/**
 * C function-pointer shapes GObject and GStreamer call back into. Every instance handed to native
 * code must stay strongly reachable for the life of the process (keep it in a static field).
 */
public final class Callbacks {
    private Callbacks() {
    }

    public interface ClassInit extends Callback {
        void invoke(Pointer klass, Pointer classData);
    }

    public interface InstanceInit extends Callback {
        void invoke(Pointer instance, Pointer klass);
    }

    /** Chain, event and query functions share this shape: (pad, parent, mini object) -> flow or gboolean. */
    public interface PadFunction extends Callback {
        int invoke(Pointer pad, Pointer parent, Pointer object);
    }

    public interface ActivateModeFunction extends Callback {
        int invoke(Pointer pad, Pointer parent, int mode, int active);
    }

    public interface TaskFunction extends Callback {
        void invoke(Pointer userData);
    }

    public interface ChangeState extends Callback {
        int invoke(Pointer element, int transition);
    }

    public interface PropertyAccessor extends Callback {
        void invoke(Pointer object, int propertyId, Pointer value, Pointer pspec);
    }

    /** GstElementClass.request_new_pad: (element, template, name or NULL, caps or NULL) -> the new pad or NULL. */
    public interface RequestNewPad extends Callback {
        Pointer invoke(Pointer element, Pointer template, Pointer name, Pointer caps);
    }

    /** GstElementClass.release_pad. */
    public interface ReleasePad extends Callback {
        void invoke(Pointer element, Pointer pad);
    }

    public interface Finalize extends Callback {
        void invoke(Pointer object);
    }

    public interface ActionSignal extends Callback {
        void invoke(Pointer instance, Pointer userData);
    }
}
