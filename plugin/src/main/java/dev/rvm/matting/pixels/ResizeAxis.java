package dev.rvm.matting.pixels;

/**
 * The sampling of one axis of a half-pixel bilinear resize, exactly as the graph's resize (ONNX
 * {@code Resize}, linear, {@code half_pixel}, given sizes) computes it in ONNX Runtime: the scale is
 * {@code float(out) / float(in)}, the source position {@code (i + 0.5) / scale - 0.5} clamped to the
 * edges, and output {@code i} is {@code near[i] * v[lo[i]] + far[i] * v[hi[i]]} in float32.
 */
public final class ResizeAxis {

    final int in;
    final int out;
    /** The two source indices of each output index (equal at the edges). */
    final int[] lo;
    final int[] hi;
    /** Weight of {@code lo}: the distance to {@code hi}; and of {@code hi}: the distance to {@code lo}. */
    final float[] wLo;
    final float[] wHi;

    public ResizeAxis(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("resize from " + in + " to " + out + " samples");
        }
        this.in = in;
        this.out = out;
        lo = new int[out];
        hi = new int[out];
        wLo = new float[out];
        wHi = new float[out];
        float scale = (float) out / (float) in;
        for (int i = 0; i < out; i++) {
            float p = out == in ? i : ((i + 0.5f) / scale) - 0.5f;
            p = Math.max(0f, Math.min(p, (float) (in - 1)));
            int a = Math.min((int) p, in - 1);
            int b = Math.min(a + 1, in - 1);
            lo[i] = a;
            hi[i] = b;
            if (a == b) {
                wLo[i] = 0.5f;
                wHi[i] = 0.5f;
            } else {
                wLo[i] = Math.abs(p - b);
                wHi[i] = Math.abs(p - a);
            }
        }
    }

    /** Source size. */
    public int in() {
        return in;
    }

    /** Output size. */
    public int out() {
        return out;
    }

    /** Output index {@code i} of one line of samples. */
    public float sample(float[] line, int offset, int i) {
        return wLo[i] * line[offset + lo[i]] + wHi[i] * line[offset + hi[i]];
    }
}
