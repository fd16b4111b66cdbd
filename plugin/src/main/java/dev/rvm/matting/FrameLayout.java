package dev.rvm.matting;

/**
 * How one packed frame sits in memory. {@code stride} is the byte distance between rows and may be
 * larger than {@code width * bytesPerPixel} (GStreamer pads rows to 4 bytes, for example).
 */
public record FrameLayout(int width, int height, PixelFormat format, int stride) {

    public FrameLayout {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (stride < width * format.bytesPerPixel) {
            throw new IllegalArgumentException("row stride " + stride + " is shorter than a row of "
                    + width + " " + format + " pixels (" + width * format.bytesPerPixel + " bytes)");
        }
    }

    /** A layout without row padding. */
    public static FrameLayout packed(int width, int height, PixelFormat format) {
        return new FrameLayout(width, height, format, width * format.bytesPerPixel);
    }

    public int byteSize() {
        return stride * (height - 1) + width * format.bytesPerPixel;
    }
}
