package dev.rvm.matting.pixels;

/**
 * Per-row work arrays for the pixel loops, grown on demand and then reused: rows are bulk-copied
 * between the direct buffers and these arrays so the arithmetic runs over plain arrays.
 */
public final class RowScratch {

    byte[] bytes = new byte[0];
    float[] r = new float[0];
    float[] g = new float[0];
    float[] b = new float[0];
    float[] a = new float[0];

    /** Makes room for rows of {@code pixels} pixels and {@code rowBytes} bytes. */
    RowScratch fit(int pixels, int rowBytes) {
        if (bytes.length < rowBytes) {
            bytes = new byte[rowBytes];
        }
        if (r.length < pixels) {
            r = new float[pixels];
            g = new float[pixels];
            b = new float[pixels];
            a = new float[pixels];
        }
        return this;
    }
}
