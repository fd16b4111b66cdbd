package dev.rvm.matting.edges;

import dev.rvm.matting.compositing.OpenCvLoader;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Edits an 8-bit matte in place with the {@link EdgeSettings}, in bulk OpenCV passes: levels (one
 * lookup table), shrink/grow (grey-level erosion or dilation by an octagon, the cheap near-disk: a
 * diamond of 3x3 crosses and one separable square), feather (three box blurs whose radii add up to the
 * feather, close to a Gaussian at a cost that does not grow with the radius), invert. A control at
 * its default costs nothing; at {@link EdgeSettings#NONE} OpenCV is not even loaded.
 *
 * <p>Kernels and tables are built when the settings change; the plane is wrapped once and reused while
 * the caller passes the same buffer, so a stream allocates nothing per frame. Not thread-safe.
 */
public final class EdgeFilter implements AutoCloseable {

    /** The diamond's share of the octagon's radius that makes the octagon regular (closest to a disk). */
    private static final double DIAMOND_SHARE = 2 - Math.sqrt(2);
    private static final Point CENTRE = new Point(-1, -1);

    private EdgeSettings settings = EdgeSettings.NONE;
    private Mat levels;
    private Mat cross;
    private Mat square;
    private int diamondSteps;
    private Size[] boxes = new Size[0];

    private ByteBuffer wrappedBuffer;
    private int wrappedPosition;
    private int wrappedWidth;
    private int wrappedHeight;
    private int wrappedStride;
    private Mat wrapped;
    private Mat copy;
    private byte[] copyRow = new byte[0];
    private boolean closed;

    public EdgeSettings settings() {
        return settings;
    }

    /** Takes new settings; tables and kernels are rebuilt only for the controls that changed. */
    public void configure(EdgeSettings next) {
        Objects.requireNonNull(next, "edge settings");
        ensureOpen();
        if (next.equals(settings)) {
            return;
        }
        if (!next.isIdentity()) {
            OpenCvLoader.ensureLoaded();
        }
        if (next.clips() && (levels == null || next.clipBlack() != settings.clipBlack()
                || next.clipWhite() != settings.clipWhite())) {
            levels = release(levels);
            levels = levelTable(next.clipBlack(), next.clipWhite());
        }
        if (next.shrinkGrow() != 0 && (square == null || Math.abs(next.shrinkGrow()) != Math.abs(settings.shrinkGrow()))) {
            int radius = Math.abs(next.shrinkGrow());
            diamondSteps = (int) Math.round(radius * DIAMOND_SHARE);
            int half = radius - diamondSteps;
            if (cross == null) {
                cross = Imgproc.getStructuringElement(Imgproc.MORPH_CROSS, new Size(3, 3));
            }
            square = release(square);
            square = half == 0 ? new Mat() : Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(2 * half + 1, 2 * half + 1));
        }
        if (next.feather() != settings.feather()) {
            boxes = boxes(next.feather());
        }
        settings = next;
    }

    /**
     * Edits {@code width x height} matte bytes in place, rows {@code stride} bytes apart from the
     * buffer's position. Direct buffers are edited where they are (wrapped once while the same buffer
     * comes back); heap buffers are copied through a plane of the filter's own.
     */
    public void apply(ByteBuffer alpha, int width, int height, int stride) {
        ensureOpen();
        if (settings.isIdentity()) {
            return;
        }
        if (width <= 0 || height <= 0 || stride < width) {
            throw new IllegalArgumentException("a " + width + "x" + height + " matte with row stride " + stride
                    + " cannot be edited; the stride must be at least the width");
        }
        long needed = (long) stride * (height - 1) + width;
        if (alpha.limit() - alpha.position() < needed) {
            throw new IllegalArgumentException("matte buffer has " + (alpha.limit() - alpha.position())
                    + " bytes left, a " + width + "x" + height + " matte with stride " + stride + " needs " + needed);
        }
        if (alpha.isDirect()) {
            edit(wrap(alpha, width, height, stride));
        } else {
            editCopy(alpha, width, height, stride);
        }
    }

    /**
     * A copy of a packed {@code width x height} matte with the settings applied: for a matte on its own
     * (a still, a file); a stream keeps one filter instead, which allocates nothing per frame.
     */
    public static byte[] edited(byte[] matte, int width, int height, EdgeSettings settings) {
        ByteBuffer plane = ByteBuffer.allocateDirect(matte.length).put(matte).flip();
        try (EdgeFilter filter = new EdgeFilter()) {
            filter.configure(settings);
            filter.apply(plane, width, height, width);
        }
        byte[] out = new byte[matte.length];
        plane.get(out);
        return out;
    }

    private void edit(Mat m) {
        EdgeSettings s = settings;
        if (s.clips()) {
            Core.LUT(m, levels, m);
        }
        if (s.shrinkGrow() > 0) {
            // the default border of erosion is "no effect": a person cut by the frame stays cut by it
            if (diamondSteps > 0) {
                Imgproc.erode(m, m, cross, CENTRE, diamondSteps);
            }
            if (!square.empty()) {
                Imgproc.erode(m, m, square);
            }
        } else if (s.shrinkGrow() < 0) {
            if (diamondSteps > 0) {
                Imgproc.dilate(m, m, cross, CENTRE, diamondSteps);
            }
            if (!square.empty()) {
                Imgproc.dilate(m, m, square);
            }
        }
        for (Size box : boxes) {
            Imgproc.blur(m, m, box); // borders reflect: the matte at the frame's edge is not darkened
        }
        if (s.invert()) {
            Core.bitwise_not(m, m);
        }
    }

    private Mat wrap(ByteBuffer alpha, int width, int height, int stride) {
        if (wrapped != null && alpha == wrappedBuffer && alpha.position() == wrappedPosition && width == wrappedWidth
                && height == wrappedHeight && stride == wrappedStride) {
            return wrapped;
        }
        release(wrapped);
        // OpenCV takes the buffer's base address, not its position
        ByteBuffer base = alpha.position() == 0 ? alpha : alpha.slice();
        wrapped = new Mat(height, width, CvType.CV_8UC1, base, stride);
        wrappedBuffer = alpha;
        wrappedPosition = alpha.position();
        wrappedWidth = width;
        wrappedHeight = height;
        wrappedStride = stride;
        return wrapped;
    }

    private void editCopy(ByteBuffer alpha, int width, int height, int stride) {
        if (copy == null) {
            copy = new Mat();
        }
        copy.create(height, width, CvType.CV_8UC1);
        if (copyRow.length != width) {
            copyRow = new byte[width]; // Mat.get fills a whole array
        }
        byte[] rows = copyRow;
        int base = alpha.position();
        for (int y = 0; y < height; y++) {
            alpha.get(base + y * stride, rows, 0, width);
            copy.put(y, 0, rows, 0, width);
        }
        edit(copy);
        for (int y = 0; y < height; y++) {
            copy.get(y, 0, rows);
            alpha.put(base + y * stride, rows, 0, width);
        }
    }

    /** out = clamp((v - black) / (white - black)) on levels in [0, 1], rounded to the nearest byte. */
    static byte[] levelBytes(float black, float white) {
        byte[] table = new byte[256];
        double span = (double) white - black;
        for (int v = 0; v < 256; v++) {
            double t = (v / 255.0 - black) / span;
            table[v] = (byte) Math.round(Math.min(Math.max(t, 0), 1) * 255);
        }
        return table;
    }

    private static Mat levelTable(float black, float white) {
        Mat m = new Mat(1, 256, CvType.CV_8UC1);
        m.put(0, 0, levelBytes(black, white));
        return m;
    }

    /** Three box radii adding up to the feather (zeros left out): the blur reaches exactly that far. */
    private static Size[] boxes(int feather) {
        int[] radii = {feather / 3, (feather + 1) / 3, (feather + 2) / 3};
        return Arrays.stream(radii).filter(r -> r > 0).mapToObj(r -> new Size(2 * r + 1, 2 * r + 1))
                .toArray(Size[]::new);
    }

    private static Mat release(Mat m) {
        if (m != null) {
            m.release();
        }
        return null;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this edge filter is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        release(levels);
        release(cross);
        release(square);
        release(wrapped);
        release(copy);
        wrappedBuffer = null;
    }
}
