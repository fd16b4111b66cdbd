package dev.rvm.gst.gobject;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

/**
 * A GStreamer debug category, so {@code GST_DEBUG=name:5} shows the element's log. The threshold is
 * read from the category struct before building any message, so disabled levels cost
 * one memory read.
 */
public final class DebugCategory {
    public static final int ERROR = Layout.LEVEL_ERROR;
    public static final int WARNING = Layout.LEVEL_WARNING;
    public static final int INFO = Layout.LEVEL_INFO;
    public static final int DEBUG = Layout.LEVEL_DEBUG;
    public static final int LOG = Layout.LEVEL_LOG;

    private final Pointer category;
    private final String name;

    public DebugCategory(String name, String description) {
        this.category = GstNative._gst_debug_category_new(name, 0, description);
        this.name = name;
    }

    /** What {@code GST_DEBUG} calls it. */
    public String name() {
        return name;
    }

    public boolean enabled(int level) {
        return category.getInt(Layout.DEBUG_CATEGORY_THRESHOLD) >= level;
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
