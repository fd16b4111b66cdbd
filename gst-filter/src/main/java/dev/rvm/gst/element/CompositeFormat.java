package dev.rvm.gst.element;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.compositing.YuvConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * The formats the composite ({@code src}) can take. Straight alpha needs an alpha byte (RGBA, BGRA);
 * an opaque composite may also be packed RGB without alpha or 4:2:0 YUV, so an encoder after src gets
 * what it encodes best without a videoconvert (x264enc picks 4:4:4 from RGBA, which services refuse).
 */
enum CompositeFormat {
    RGBA("RGBA", PixelFormat.RGBA, null),
    BGRA("BGRA", PixelFormat.BGRA, null),
    RGBX("RGBx", PixelFormat.RGBX, null),
    BGRX("BGRx", PixelFormat.BGRX, null),
    RGB("RGB", PixelFormat.RGB, null),
    BGR("BGR", PixelFormat.BGR, null),
    I420("I420", null, YuvConverter.Planes.I420),
    NV12("NV12", null, YuvConverter.Planes.NV12);

    /** The template's list: every format src may carry. */
    static final String TEMPLATE = "{ RGBA, BGRA, RGBx, BGRx, RGB, BGR, I420, NV12 }";

    final String gstName;
    /** The packed layout, or null for YUV. */
    final PixelFormat packed;
    /** The YUV planes, or null for a packed format. */
    final YuvConverter.Planes yuv;

    CompositeFormat(String gstName, PixelFormat packed, YuvConverter.Planes yuv) {
        this.gstName = gstName;
        this.packed = packed;
        this.yuv = yuv;
    }

    static CompositeFormat named(String gstName) {
        for (CompositeFormat f : values()) {
            if (f.gstName.equals(gstName)) {
                return f;
            }
        }
        return null;
    }

    /**
     * What src offers, best first for a peer that takes anything: the input's channel order with alpha
     * (as before opaque formats existed), then the other order; an opaque composite adds the formats
     * without alpha and YUV.
     */
    static List<CompositeFormat> offered(boolean opaque, boolean bgrFirstInput) {
        List<CompositeFormat> order = new ArrayList<>(List.of(bgrFirstInput ? BGRA : RGBA, bgrFirstInput ? RGBA : BGRA));
        if (opaque) {
            order.addAll(bgrFirstInput ? List.of(BGRX, RGBX, BGR, RGB) : List.of(RGBX, BGRX, RGB, BGR));
            order.addAll(List.of(I420, NV12));
        }
        return order;
    }

    boolean hasAlpha() {
        return packed != null && packed.hasAlpha();
    }

    /** A packed layout with GStreamer's default row stride (rows padded to 4 bytes). */
    FrameLayout layout(int width, int height) {
        return new FrameLayout(width, height, packed, VideoCaps.defaultStride(width, packed.bytesPerPixel));
    }

    /** Bytes of one frame, as GStreamer's video info computes them (every row padded, the last one too). */
    long size(int width, int height) {
        return yuv != null ? YuvConverter.size(yuv, width, height) : (long) layout(width, height).stride() * height;
    }
}
