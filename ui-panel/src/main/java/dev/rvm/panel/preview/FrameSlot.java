package dev.rvm.panel.preview;

import dev.rvm.matting.PixelFormat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The latest frame of one stream, kept in one reused image: the streaming thread writes into it and
 * the painter reads it, both under this object's lock. A new image is made only when the size changes.
 */
public final class FrameSlot {

    private final boolean gray;
    private BufferedImage image;
    private int[] argb;
    private byte[] luma;
    private long frames;

    private FrameSlot(boolean gray) {
        this.gray = gray;
    }

    /** A slot for colour frames (ARGB). */
    public static FrameSlot color() {
        return new FrameSlot(false);
    }

    /** A slot for 8-bit mattes. */
    public static FrameSlot grayscale() {
        return new FrameSlot(true);
    }

    public boolean isGray() {
        return gray;
    }

    public synchronized void writeColor(ByteBuffer src, int width, int height, int stride, PixelFormat format) {
        ensure(width, height);
        PixelCopy.toArgb(src, width, height, stride, format, argb);
        frames++;
    }

    public synchronized void writeGray(ByteBuffer src, int width, int height, int stride) {
        ensure(width, height);
        PixelCopy.toGray(src, width, height, stride, luma);
        frames++;
    }

    /** Runs {@code reader} with the current image (none before the first frame) while holding the lock. */
    public synchronized void read(Consumer<BufferedImage> reader) {
        if (image != null) {
            reader.accept(image);
        }
    }

    /** The matte bytes, row-major; for gray slots, under {@link #read}. */
    public byte[] grayPixels() {
        return luma;
    }

    /** Frames written so far. */
    public synchronized long frames() {
        return frames;
    }

    /** A copy of the ARGB value at (x, y) of the latest frame, or 0 before the first frame. */
    public synchronized int pixel(int x, int y) {
        return image == null ? 0 : image.getRGB(x, y);
    }

    private void ensure(int width, int height) {
        if (image != null && image.getWidth() == width && image.getHeight() == height) {
            return;
        }
        if (gray) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            luma = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        } else {
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        }
    }
}
