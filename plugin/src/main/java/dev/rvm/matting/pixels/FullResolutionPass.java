package dev.rvm.matting.pixels;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The full-resolution end of the network, done per row over the host's 8-bit frame: the fast guided
 * filter's low-resolution coefficients A and b (4 channels each: R, G, B, alpha) are stretched to the
 * frame's size exactly as the graph's resize does (half-pixel bilinear, ONNX Runtime's four-tap
 * arithmetic), then {@code fgr = clip(A * x + b + x)}, {@code pha = clip(A * mean(x) + b)} and from them,
 * in the same pass, whatever the caller asked for: 8-bit alpha, the foreground, a composite, float
 * copies. No frame-sized float buffer exists; rows run in two bands. One instance per frame geometry
 * and stream; the targets are set before each {@link #run} and forgotten after it.
 *
 * <p>A run stretches only the channels its targets read: the alpha pair (A and b of the matte) for an
 * 8-bit alpha alone, the colour pairs for a foreground alone. With an edited matte
 * ({@link #matteFrom}, the edge controls) the alpha pair is not computed at all: the composites and the
 * float alpha are made from that matte's bytes, and the 8-bit alpha target receives them as they are.
 */
public final class FullResolutionPass {

    private static final int CHANNELS = 8;

    private final int width;
    private final int height;
    private final int coefWidth;
    private final int coefHeight;
    private final ResizeAxis rows;
    private final ResizeAxis cols;
    private final Band[] bands;
    private final RowSplit.Bands task = this::rows;

    // one call's inputs and targets
    private FloatBuffer coefA;
    private FloatBuffer coefB;
    private int coefOffset;
    private ByteBuffer frame;
    private FrameLayout frameLayout;
    private ByteBuffer alpha;
    private int alphaStride;
    private ByteBuffer foreground;
    private FrameLayout foregroundLayout;
    private ByteBuffer composite;
    private FrameLayout compositeLayout;
    private Composite.Source background;
    private FloatBuffer floatAlpha;
    private FloatBuffer floatForeground;
    private ByteBuffer matte;
    private int matteStride;
    // which channel pairs this run stretches
    private boolean alphaChannels;
    private boolean colourChannels;

    public FullResolutionPass(int width, int height, int coefWidth, int coefHeight) {
        this.width = width;
        this.height = height;
        this.coefWidth = coefWidth;
        this.coefHeight = coefHeight;
        rows = new ResizeAxis(coefHeight, height);
        cols = new ResizeAxis(coefWidth, width);
        bands = new Band[] {new Band(this), new Band(this)};
    }

    public FullResolutionPass alphaTo(ByteBuffer dst, int stride) {
        checkPlane(dst, stride, "alpha");
        alpha = dst;
        alphaStride = stride;
        return this;
    }

    public FullResolutionPass foregroundTo(ByteBuffer dst, FrameLayout layout) {
        checkSize(layout);
        Composite.check(Composite.Source.none(), dst, layout);
        foreground = dst;
        foregroundLayout = layout;
        return this;
    }

    public FullResolutionPass compositeTo(Composite.Source bg, ByteBuffer dst, FrameLayout layout) {
        checkSize(layout);
        Composite.check(bg, dst, layout);
        background = bg;
        composite = dst;
        compositeLayout = layout;
        return this;
    }

    /** Float alpha (width*height) and planar foreground (3 planes), each from its buffer's index 0. */
    public FullResolutionPass floatsTo(FloatBuffer pha, FloatBuffer fgr) {
        floatAlpha = pha;
        floatForeground = fgr;
        return this;
    }

    /**
     * An 8-bit matte (rows {@code stride} bytes apart from its position) that stands for this run's alpha:
     * the matte after the edge controls. The composite, the float alpha and the 8-bit alpha target are
     * then made from its bytes ({@code v / 255}), and the network's own alpha is not computed.
     */
    public FullResolutionPass matteFrom(ByteBuffer src, int stride) {
        checkPlane(src, stride, "matte");
        matte = src;
        matteStride = stride;
        return this;
    }

    /**
     * Runs the pass for every target set since the last run, then forgets them.
     *
     * @param a      coefficients A, planar [4, coefHeight, coefWidth] from {@code offset}
     * @param b      coefficients b, the same layout
     * @param pixels the full-resolution frame the network's input was made from
     */
    public void run(FloatBuffer a, FloatBuffer b, int offset, ByteBuffer pixels, FrameLayout layout, RowSplit split) {
        checkSize(layout);
        coefA = a;
        coefB = b;
        coefOffset = offset;
        frame = pixels;
        frameLayout = layout;
        try {
            alphaChannels = matte == null && (alpha != null || composite != null || floatAlpha != null);
            colourChannels = foreground != null || composite != null || floatForeground != null;
            if (alpha != null || foreground != null || composite != null || floatAlpha != null) {
                for (Band band : bands) {
                    band.forget();
                }
                split.forBands(width, height, task);
            }
        } finally {
            coefA = null;
            coefB = null;
            frame = null;
            forgetTargets();
        }
    }

    /** Drops the targets set so far (a caller whose later target was refused). */
    public void forgetTargets() {
        alpha = null;
        foreground = null;
        composite = null;
        background = null;
        floatAlpha = null;
        floatForeground = null;
        matte = null;
    }

    /** An 8-bit plane of the frame's size, rows {@code stride} bytes apart. */
    private void checkPlane(ByteBuffer plane, int stride, String what) {
        if (stride < width) {
            throw new IllegalArgumentException(what + " row stride " + stride + " is shorter than the width " + width);
        }
        PackedOutput.checkCapacity(plane, stride * (height - 1) + width, what);
    }

    private void checkSize(FrameLayout layout) {
        if (layout.width() != width || layout.height() != height) {
            throw new IllegalArgumentException("layout is " + layout.width() + "x" + layout.height()
                    + " but the matted frame is " + width + "x" + height);
        }
    }

    private void rows(int bandIndex, int y0, int y1) {
        Band s = bands[bandIndex];
        RowScratch out = s.scratch.fit(width, width * 4);
        PixelFormat inFormat = frameLayout.format();
        int inBase = frame.position();
        int inRowBytes = width * inFormat.bytesPerPixel;
        boolean stretch = alphaChannels || colourChannels; // else only the given matte is copied out
        for (int y = y0; y < y1; y++) {
            if (stretch) {
                Band.Expanded top = s.expanded(rows.lo[y]);
                Band.Expanded bottom = s.expanded(rows.hi[y]);
                s.weights(cols, rows.wLo[y], rows.wHi[y]);
                for (int k = 0; k < CHANNELS; k++) {
                    if (stretches(k)) {
                        bilinear(s.c11, s.c21, s.c12, s.c22, top.lo[k], top.hi[k], bottom.lo[k], bottom.hi[k], s.up[k], width);
                    }
                }
                frame.get(inBase + y * frameLayout.stride(), s.in, 0, inRowBytes);
                unpack(s.in, inFormat, s.xr, s.xg, s.xb, s.grey, width);
            }
            if (colourChannels) {
                refineColour(s, out, width);
            }
            if (alphaChannels) {
                refineAlpha(s, out, width);
            } else if (matte != null) {
                matte.get(matte.position() + y * matteStride, out.bytes, 0, width);
                if (stretch) { // a composite or the float alpha reads it; a copy to the alpha target does not
                    matteRow(out.bytes, out.a, width);
                }
            }
            emit(s, out, y);
        }
    }

    /**
     * One output row of one channel: ONNX Runtime's {@code ((c11*X11 + c21*X21) + c12*X12) + c22*X22}.
     * Two loops of five arrays each, in the same order of operations: HotSpot vectorizes those, not one
     * loop over nine arrays (measured 8x apart).
     */
    private static void bilinear(float[] c11, float[] c21, float[] c12, float[] c22,
                                 float[] x11, float[] x21, float[] x12, float[] x22, float[] out, int n) {
        for (int x = 0; x < n; x++) {
            out[x] = c11[x] * x11[x] + c21[x] * x21[x];
        }
        for (int x = 0; x < n; x++) {
            out[x] = out[x] + c12[x] * x12[x] + c22[x] * x22[x];
        }
    }

    /** The frame's row as the graph sees it: value / 255 per channel, and their mean (ReduceMean's order). */
    private static void unpack(byte[] in, PixelFormat f, float[] r, float[] g, float[] b, float[] grey, int n) {
        int bpp = f.bytesPerPixel;
        int ro = f.red;
        int go = f.green;
        int bo = f.blue;
        for (int x = 0, p = 0; x < n; x++, p += bpp) {
            r[x] = PlanarInput.unit(in[p + ro]);
            g[x] = PlanarInput.unit(in[p + go]);
            b[x] = PlanarInput.unit(in[p + bo]);
        }
        for (int x = 0; x < n; x++) {
            grey[x] = (r[x] + g[x] + b[x]) / 3f;
        }
    }

    /** Channel {@code k} (0-3 of A, 4-7 of b; 3 and 7 make the alpha) is stretched in this run. */
    private boolean stretches(int k) {
        return (k & 3) == 3 ? alphaChannels : colourChannels;
    }

    /** {@code fgr = clip((A*x + b) + x)} in the graph's order of operations. */
    private static void refineColour(Band s, RowScratch out, int n) {
        float[][] up = s.up;
        channel(up[0], up[4], s.xr, out.r, n);
        channel(up[1], up[5], s.xg, out.g, n);
        channel(up[2], up[6], s.xb, out.b, n);
    }

    /** {@code pha = clip(A*grey + b)} in the graph's order of operations. */
    private static void refineAlpha(Band s, RowScratch out, int n) {
        float[][] up = s.up;
        float[] a = up[3];
        float[] b = up[7];
        float[] grey = s.grey;
        float[] pha = out.a;
        for (int x = 0; x < n; x++) {
            pha[x] = Math.min(Math.max(a[x] * grey[x] + b[x], 0f), 1f);
        }
    }

    /** A row of the edited matte as the alpha the outputs are made from: the byte's unit float. */
    private static void matteRow(byte[] row, float[] pha, int n) {
        for (int x = 0; x < n; x++) {
            pha[x] = PlanarInput.unit(row[x]);
        }
    }

    private static void channel(float[] a, float[] b, float[] src, float[] fgr, int n) {
        for (int x = 0; x < n; x++) {
            float v = src[x];
            fgr[x] = Math.min(Math.max(a[x] * v + b[x] + v, 0f), 1f);
        }
    }

    private void emit(Band s, RowScratch out, int y) {
        int first = y * width;
        if (floatAlpha != null) {
            floatAlpha.put(first, out.a, 0, width);
            int plane = width * height;
            floatForeground.put(first, out.r, 0, width);
            floatForeground.put(plane + first, out.g, 0, width);
            floatForeground.put(2 * plane + first, out.b, 0, width);
        }
        if (alpha != null) {
            byte[] row = out.bytes;
            if (matte == null) {
                float[] a = out.a;
                for (int x = 0; x < width; x++) {
                    row[x] = (byte) PackedOutput.toByte(a[x]);
                }
            } // else the row still holds the matte's bytes, read above
            alpha.put(alpha.position() + y * alphaStride, row, 0, width);
        }
        if (foreground != null) {
            Composite.row(Composite.Source.none(), out, first, width, foregroundLayout.format());
            foreground.put(foreground.position() + y * foregroundLayout.stride(), out.bytes, 0,
                    width * foregroundLayout.format().bytesPerPixel);
        }
        if (composite != null) {
            Composite.row(background, out, first, width, compositeLayout.format());
            composite.put(composite.position() + y * compositeLayout.stride(), out.bytes, 0,
                    width * compositeLayout.format().bytesPerPixel);
        }
    }

    /** One band's working rows, sized once for the frame's width. */
    private static final class Band {
        /** A low-resolution row of all 8 channels, gathered at each output column's two taps. */
        static final class Expanded {
            int row = -1;
            final float[][] lo;
            final float[][] hi;

            Expanded(int width) {
                lo = new float[CHANNELS][width];
                hi = new float[CHANNELS][width];
            }
        }

        private final FullResolutionPass pass;
        final RowScratch scratch = new RowScratch();
        final Expanded[] cache;
        final float[] line;
        final float[][] up;
        final float[] c11;
        final float[] c21;
        final float[] c12;
        final float[] c22;
        final float[] xr;
        final float[] xg;
        final float[] xb;
        final float[] grey;
        final byte[] in;

        Band(FullResolutionPass pass) {
            this.pass = pass;
            int w = pass.width;
            cache = new Expanded[] {new Expanded(w), new Expanded(w)};
            line = new float[pass.coefWidth];
            up = new float[CHANNELS][w];
            c11 = new float[w];
            c21 = new float[w];
            c12 = new float[w];
            c22 = new float[w];
            xr = new float[w];
            xg = new float[w];
            xb = new float[w];
            grey = new float[w];
            in = new byte[w * 4];
        }

        void forget() {
            for (Expanded e : cache) {
                e.row = -1;
            }
        }

        /** Low-resolution row {@code r}, expanded; a band's rows only move down, so two slots hold what it needs. */
        Expanded expanded(int r) {
            for (Expanded e : cache) {
                if (e.row == r) {
                    return e;
                }
            }
            Expanded e = cache[0].row < cache[1].row ? cache[0] : cache[1];
            fill(e, r);
            return e;
        }

        private void fill(Expanded e, int r) {
            ResizeAxis cols = pass.cols;
            int cw = pass.coefWidth;
            int plane = cw * pass.coefHeight;
            for (int k = 0; k < CHANNELS; k++) {
                if (!pass.stretches(k)) {
                    continue;
                }
                FloatBuffer src = k < 4 ? pass.coefA : pass.coefB;
                src.get(pass.coefOffset + (k & 3) * plane + r * cw, line, 0, cw);
                gather(line, cols.lo, e.lo[k], pass.width);
                gather(line, cols.hi, e.hi[k], pass.width);
            }
            e.row = r;
        }

        private static void gather(float[] line, int[] index, float[] out, int n) {
            for (int x = 0; x < n; x++) {
                out[x] = line[index[x]];
            }
        }

        void weights(ResizeAxis cols, float wyl, float wyh) {
            float[] wxl = cols.wLo;
            float[] wxh = cols.wHi;
            int n = pass.width;
            for (int x = 0; x < n; x++) {
                c11[x] = wxl[x] * wyl;
                c21[x] = wxh[x] * wyl;
            }
            for (int x = 0; x < n; x++) {
                c12[x] = wxl[x] * wyh;
                c22[x] = wxh[x] * wyh;
            }
        }
    }
}
