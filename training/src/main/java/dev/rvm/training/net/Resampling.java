package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * The resampling operations of the network with the converted graph's exact semantics: bilinear
 * resize with half-pixel centres to given sizes and no antialiasing, 2x2 average pooling that
 * rounds up and averages only real cells, top-left crops.
 */
public final class Resampling {
    private Resampling() {
    }

    /**
     * Bilinear resize of {@code x [N,C,H,W]} to {@code outH x outW}, as ONNX Resize (linear,
     * half_pixel, sizes) and TF ResizeBilinear (half_pixel_centers): {@code out = Ry x Rx^T} with
     * interpolation matrices built in the step's manager, which stays exact when shrinking (DJL's
     * own interpolation antialiases there) and is differentiable.
     */
    public static NDArray resize(NDArray x, long outH, long outW, NDManager manager) {
        Shape s = x.getShape();
        long inH = s.get(2);
        long inW = s.get(3);
        if (inH == outH && inW == outW) {
            return x;
        }
        NDArray rows = manager.create(matrix(outH, inH), new Shape(outH, inH));
        NDArray cols = manager.create(transpose(matrix(outW, inW), outW, inW), new Shape(inW, outW));
        return rows.matMul(x).matMul(cols);
    }

    /** Row o of the result holds the weights of the input samples that output sample o blends. */
    static float[] matrix(long out, long in) {
        float[] m = new float[(int) (out * in)];
        float scale = (float) in / (float) out;
        for (int o = 0; o < out; o++) {
            float src = Math.max((o + 0.5f) * scale - 0.5f, 0f);
            int i0 = (int) Math.floor(src);
            if (i0 > in - 1) {
                i0 = (int) in - 1;
            }
            int i1 = (int) Math.min(i0 + 1, in - 1);
            float w = src - i0;
            m[(int) (o * in + i0)] += 1 - w;
            m[(int) (o * in + i1)] += w;
        }
        return m;
    }

    private static float[] transpose(float[] m, long rows, long cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[(int) (c * rows + r)] = m[(int) (r * cols + c)];
            }
        }
        return t;
    }

    /**
     * Bilinear enlargement with half-pixel centres by PyTorch's own kernel (the matrix form costs
     * far more at full resolution; when enlarging there is no antialiasing to avoid).
     */
    public static NDArray enlarge(NDArray x, long outH, long outW) {
        Shape s = x.getShape();
        if (outH < s.get(2) || outW < s.get(3)) {
            throw new IllegalArgumentException("enlarge " + s + " to " + outH + "x" + outW + " shrinks");
        }
        if (outH == s.get(2) && outW == s.get(3)) {
            return x;
        }
        return x.getNDArrayInternal().interpolation(new long[] {outH, outW}, BILINEAR, false);
    }

    /** DJL's code for bilinear in {@code NDArrayEx.interpolation}. */
    static final int BILINEAR = 1;

    /** Twice the size, bilinear, half-pixel; then cropped to the skip connection's size. */
    public static NDArray upsampleTo(NDArray x, long h, long w) {
        Shape s = x.getShape();
        return crop(enlarge(x, s.get(2) * 2, s.get(3) * 2), h, w);
    }

    /** Top-left crop. */
    public static NDArray crop(NDArray x, long h, long w) {
        Shape s = x.getShape();
        if (s.get(2) == h && s.get(3) == w) {
            return x;
        }
        return x.get(":, :, :{}, :{}", h, w);
    }

    /** 2x2 stride-2 average pooling, size rounded up, only real cells averaged (TF SAME). */
    public static NDArray halve(NDArray x) {
        return Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true, false);
    }

    /**
     * The body size for a downsample ratio as the converted graph computes it:
     * {@code trunc(float32(size) * float32(ratio))}, unchanged at ratio 1.
     */
    public static long scaled(long size, float ratio) {
        return ratio == 1f ? size : (long) ((float) size * ratio);
    }
}
