package dev.rvm.gst.gobject;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GstNative;

/**
 * A GStreamer debug category, so {@code GST_DEBUG=name:5} shows the element's log. The threshold is
 * read from the category struct (first field) before building any message, so disabled levels cost
 * one memory read.
 */
public final class DebugCategory {
    public static final int ERROR = 1;
    public static final int WARNING = 2;
    public static final int INFO = 4;
    public static final int DEBUG = 5;
    public static final int LOG = 6;

    private final Pointer category;

    public DebugCategory(String name, String description) {
        this.category = GstNative._gst_debug_category_new(name, 0, description);
    }

    public boolean enabled(int level) {
        return category.getInt(0) >= level;
    }

    public void log(int level, Pointer object, String message) {
        if (enabled(level)) {
            StackTraceElement caller = StackWalker.getInstance().walk(s -> s.skip(1).findFirst())
                    .map(StackWalker.StackFrame::toStackTraceElement).orElse(null);
            GstNative.gst_debug_log_literal(category, level,
                    caller == null ? "?" : caller.getFileName(),
                    caller == null ? "?" : caller.getMethodName(),
                    caller == null ? 0 : caller.getLineNumber(), object, message);
        }
    }
}
