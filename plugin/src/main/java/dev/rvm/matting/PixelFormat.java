package dev.rvm.matting;

/** Packed 8-bit pixel layouts that hosts hand us; offsets say where R, G, B (and A) sit in a pixel. */
public enum PixelFormat {
    RGB(3, 0, 1, 2, -1),
    BGR(3, 2, 1, 0, -1),
    RGBA(4, 0, 1, 2, 3),
    BGRA(4, 2, 1, 0, 3),
    /** RGB with an unused fourth byte (GStreamer RGBx). */
    RGBX(4, 0, 1, 2, -1),
    /** BGR with an unused fourth byte (GStreamer BGRx). */
    BGRX(4, 2, 1, 0, -1);

    public final int bytesPerPixel;
    public final int red;
    public final int green;
    public final int blue;
    /** Offset of the alpha byte, or -1 when the format carries none. */
    public final int alpha;

    PixelFormat(int bytesPerPixel, int red, int green, int blue, int alpha) {
        this.bytesPerPixel = bytesPerPixel;
        this.red = red;
        this.green = green;
        this.blue = blue;
        this.alpha = alpha;
    }

    public boolean hasAlpha() {
        return alpha >= 0;
    }
}
