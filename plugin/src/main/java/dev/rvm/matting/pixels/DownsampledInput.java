package dev.rvm.matting.pixels;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Packed 8-bit pixels straight to the network's downsampled input: planar RGB float32 of the frame
 * resized to {@code w x h}, computed exactly as the whole graph computes its first resize of
 * {@code value / 255} (ONNX Runtime's half-pixel bilinear: four taps, weights multiplied pairwise,
 * summed in order), so the low-resolution network sees bit for bit what it sees inside the whole
 * graph, without a full-resolution float frame ever existing. One instance per frame geometry.
 */
public final class DownsampledInput {

    private final ResizeAxis rows;
    private final ResizeAxis cols;
    private final byte[][] top = new byte[2][0];
    private final byte[][] bottom = new byte[2][0];
    private final float[][] line = new float[2][];
    private final RowSplit.Bands task = this::rows;
    // the frame being converted (set for the duration of write, so the hand-off allocates nothing)
    private ByteBuffer src;
    private FrameLayout layout;
    private FloatBuffer dst;
    private int dstOffset;

    public DownsampledInput(int width, int height, int smallWidth, int smallHeight) {
        rows = new ResizeAxis(height, smallHeight);
        cols = new ResizeAxis(width, smallWidth);
        line[0] = new float[smallWidth];
        line[1] = new float[smallWidth];
    }

    public int width() {
        return cols.out;
    }

    public int height() {
        return rows.out;
    }

    /** Writes planes R, G, B of the small frame into {@code dst} from {@code dstOffset} (absolute). */
    public void write(ByteBuffer src, FrameLayout layout, FloatBuffer dst, int dstOffset, RowSplit split) {
        if (layout.width() != cols.in || layout.height() != rows.in) {
            throw new IllegalArgumentException("frame is " + layout.width() + "x" + layout.height()
                    + ", this input was made for " + cols.in + "x" + rows.in);
        }
        this.src = src;
        this.layout = layout;
        this.dst = dst;
        this.dstOffset = dstOffset;
        try {
            split.forBands(cols.out, rows.out, task);
        } finally {
            this.src = null;
            this.dst = null;
        }
    }

    private void rows(int band, int y0, int y1) {
        PixelFormat f = layout.format();
        int bpp = f.bytesPerPixel;
        int rowBytes = layout.width() * bpp;
        if (top[band].length < rowBytes) {
            top[band] = new byte[rowBytes];
            bottom[band] = new byte[rowBytes];
        }
        byte[] t = top[band];
        byte[] b = bottom[band];
        float[] out = line[band];
        int base = src.position();
        int w = cols.out;
        int plane = w * rows.out;
        int loaded0 = -1;
        int loaded1 = -1;
        for (int y = y0; y < y1; y++) {
            int ra = rows.lo[y];
            int rb = rows.hi[y];
            if (ra != loaded0) {
                src.get(base + ra * layout.stride(), t, 0, rowBytes);
                loaded0 = ra;
            }
            if (rb != loaded1) {
                src.get(base + rb * layout.stride(), b, 0, rowBytes);
                loaded1 = rb;
            }
            float wyl = rows.wLo[y];
            float wyh = rows.wHi[y];
            for (int c = 0; c < 3; c++) {
                blendRow(t, b, c == 0 ? f.red : c == 1 ? f.green : f.blue, bpp, wyl, wyh, out);
                dst.put(dstOffset + c * plane + y * w, out, 0, w);
            }
        }
    }

    private void blendRow(byte[] t, byte[] b, int channel, int bpp, float wyl, float wyh, float[] out) {
        int[] lo = cols.lo;
        int[] hi = cols.hi;
        float[] wxl = cols.wLo;
        float[] wxh = cols.wHi;
        for (int x = 0; x < out.length; x++) {
            int pl = lo[x] * bpp + channel;
            int ph = hi[x] * bpp + channel;
            // ONNX Runtime's order: each tap's weight is the product of its two axis weights
            out[x] = wxl[x] * wyl * PlanarInput.unit(t[pl]) + wxh[x] * wyl * PlanarInput.unit(t[ph])
                    + wxl[x] * wyh * PlanarInput.unit(b[pl]) + wxh[x] * wyh * PlanarInput.unit(b[ph]);
        }
    }
}
