package dev.rvm.gst.element;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GObjectNative;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;

/**
 * Raw video caps as the element sees them: packed 8-bit formats with GStreamer's default row stride
 * (rows padded to 4 bytes), since the element does not offer upstream a video-meta allocation.
 */
record VideoCaps(String formatName, PixelFormat format, int width, int height, int fpsNum, int fpsDen) {

    static PixelFormat pixelFormat(String gstFormat) {
        if (gstFormat == null) {
            return null;
        }
        return switch (gstFormat) {
            case "RGB" -> PixelFormat.RGB;
            case "BGR" -> PixelFormat.BGR;
            case "RGBA" -> PixelFormat.RGBA;
            case "BGRA" -> PixelFormat.BGRA;
            case "RGBx" -> PixelFormat.RGBX;
            case "BGRx" -> PixelFormat.BGRX;
            default -> null;
        };
    }

    /** Reads fixed caps; null format when the caps carry a format the element does not handle. */
    static VideoCaps parse(Pointer caps) {
        Pointer s = GstNative.gst_caps_get_structure(caps, 0);
        String name = GstNative.gst_structure_get_string(s, "format");
        int[] w = new int[1];
        int[] h = new int[1];
        int[] n = {0};
        int[] d = {1};
        GstNative.gst_structure_get_int(s, "width", w);
        GstNative.gst_structure_get_int(s, "height", h);
        GstNative.gst_structure_get_fraction(s, "framerate", n, d);
        return new VideoCaps(name, pixelFormat(name), w[0], h[0], n[0], d[0]);
    }

    static int defaultStride(int width, int bytesPerPixel) {
        return (width * bytesPerPixel + 3) & ~3;
    }

    FrameLayout layout() {
        return new FrameLayout(width, height, format, defaultStride(width, format.bytesPerPixel));
    }

    /** Blue first in memory (BGR, BGRA, BGRx): outputs offer the same order first. */
    boolean bgrFirst() {
        return format.red != 0;
    }

    FrameLayout foregroundLayout() {
        return new FrameLayout(width, height, PixelFormat.RGB, defaultStride(width, 3));
    }

    int alphaStride() {
        return defaultStride(width, 1);
    }

    int alphaSize() {
        return alphaStride() * height;
    }

    /** One frame period in nanoseconds, or 0 when the frame rate is unknown or variable. */
    long frameDurationNanos() {
        return fpsNum > 0 && fpsDen > 0 ? 1_000_000_000L * fpsDen / fpsNum : 0;
    }

    /**
     * Caps for a src pad: the sink caps (size, rate, aspect) with another format. Colour fields are
     * dropped for GRAY8, whose colorimetry differs from RGB's.
     */
    static Pointer derive(Pointer sinkCaps, String format, boolean dropColour) {
        Pointer caps = GstNative.gst_caps_copy(sinkCaps);
        Pointer s = GstNative.gst_caps_get_structure(caps, 0);
        setString(s, "format", format);
        if (dropColour) {
            GstNative.gst_structure_remove_field(s, "colorimetry");
            GstNative.gst_structure_remove_field(s, "chroma-site");
        }
        return caps;
    }

    /**
     * Caps for 4:2:0 YUV made from RGB by the element: limited range, the given matrix, chroma sited at
     * the centre of each 2x2 block (the mean of the block).
     */
    static Pointer deriveYuv(Pointer sinkCaps, String format, String colorimetry) {
        Pointer caps = derive(sinkCaps, format, true);
        Pointer s = GstNative.gst_caps_get_structure(caps, 0);
        setString(s, "colorimetry", colorimetry);
        setString(s, "chroma-site", "jpeg");
        return caps;
    }

    private static void setString(Pointer structure, String field, String text) {
        Memory value = new Memory(Layout.GVALUE_SIZE);
        value.clear();
        GObjectNative.g_value_init(value, Layout.G_TYPE_STRING);
        GObjectNative.g_value_set_string(value, text);
        GstNative.gst_structure_set_value(structure, field, value);
        GObjectNative.g_value_unset(value);
    }
}
