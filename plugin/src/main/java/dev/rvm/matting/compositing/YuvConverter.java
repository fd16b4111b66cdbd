package dev.rvm.matting.compositing;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Packed 8-bit RGB frames to 4:2:0 YUV (I420 or NV12), BT.601 limited range, for encoders that take
 * nothing else well (H.264 High and most hardware decoders want 4:2:0). Each chroma sample is the mean
 * of its 2x2 block (sited at the block's centre; an odd-sized frame's blocks are a little larger), not
 * one pixel of it as OpenCV's own RGB-to-I420 takes, which would fringe the person's edges with colour.
 *
 * <p>The output has the default layout of raw video in GStreamer: rows padded to 4 bytes, planes one
 * after another, the chroma planes of an odd-sized frame rounded up ({@link #size}). OpenCV does the
 * bulk work (luma, the 2x2 means, the range scaling); an instance reuses its intermediate frames.
 */
public final class YuvConverter implements AutoCloseable {

    /** How the chroma is stored: two planes (I420: U then V) or one interleaved plane (NV12: UVUV...). */
    public enum Planes {
        I420,
        NV12
    }

    /** The colorimetry GStreamer caps name for what this writes: BT.601 matrix, limited range. */
    public static final String COLORIMETRY = "bt601";

    private static final double LUMA_SCALE = 219.0 / 255;
    private static final double CHROMA_SCALE = 224.0 / 255;
    private static final double CHROMA_OFFSET = 128 * (1 - CHROMA_SCALE);

    private final Mat fullRangeLuma;
    private final Mat halfSize;
    private final Mat fullRangeYcc;
    private final MatOfInt cbCrToUv;

    public YuvConverter() {
        OpenCvLoader.ensureLoaded(); // before the first Mat
        fullRangeLuma = new Mat();
        halfSize = new Mat();
        fullRangeYcc = new Mat();
        cbCrToUv = new MatOfInt(2, 0, 1, 1);
    }

    static int roundUp4(int v) {
        return (v + 3) & ~3;
    }

    /** Bytes of a luma row. */
    public static int lumaStride(int width) {
        return roundUp4(width);
    }

    /** Bytes of a chroma row: one plane's for I420, the interleaved plane's for NV12. */
    public static int chromaStride(Planes planes, int width) {
        return planes == Planes.I420 ? roundUp4((width + 1) / 2) : lumaStride(width);
    }

    /** Where the (first) chroma plane starts. */
    public static int chromaOffset(int width, int height) {
        return lumaStride(width) * ((height + 1) & ~1);
    }

    /** Bytes of one frame. */
    public static int size(Planes planes, int width, int height) {
        int chroma = chromaStride(planes, width) * ((height + 1) / 2);
        return chromaOffset(width, height) + (planes == Planes.I420 ? 2 * chroma : chroma);
    }

    /**
     * Converts {@code src} (any packed format of {@link PixelFormat}; alpha and padding bytes are ignored)
     * into {@code dst} from its position, which must hold {@link #size} bytes. Both must be direct
     * buffers (OpenCV works on their memory).
     */
    public void convert(ByteBuffer src, FrameLayout layout, Planes planes, ByteBuffer dst) {
        if (!src.isDirect() || !dst.isDirect()) {
            throw new IllegalArgumentException("YuvConverter works on direct buffers (ByteBuffer.allocateDirect, mapped frames)");
        }
        int w = layout.width();
        int h = layout.height();
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        if (src.remaining() < layout.byteSize() || dst.remaining() < size(planes, w, h)) {
            throw new IllegalArgumentException("a " + layout + " frame to " + planes + " needs " + layout.byteSize()
                    + " bytes in and " + size(planes, w, h) + " out; got " + src.remaining() + " and " + dst.remaining());
        }
        PixelFormat f = layout.format();
        boolean rgbFirst = f.red == 0;
        int gray = f.bytesPerPixel == 4 ? (rgbFirst ? Imgproc.COLOR_RGBA2GRAY : Imgproc.COLOR_BGRA2GRAY)
                : (rgbFirst ? Imgproc.COLOR_RGB2GRAY : Imgproc.COLOR_BGR2GRAY);
        int ycc = rgbFirst ? Imgproc.COLOR_RGB2YCrCb : Imgproc.COLOR_BGR2YCrCb;
        int chromaAt = chromaOffset(w, h);
        int cs = chromaStride(planes, w);
        Mat in = new Mat(h, w, CvType.CV_8UC(f.bytesPerPixel), src.slice(src.position(), src.remaining()), layout.stride());
        Mat luma = plane(dst, 0, h, w, 1, lumaStride(w));
        try {
            Imgproc.cvtColor(in, fullRangeLuma, gray);
            fullRangeLuma.convertTo(luma, -1, LUMA_SCALE, 16);
            // the mean of each 2x2 block first: chroma of the mean is the mean of the chroma (it is affine)
            Imgproc.resize(in, halfSize, new Size(cw, ch), 0, 0, Imgproc.INTER_AREA);
            Imgproc.cvtColor(halfSize, fullRangeYcc, ycc);
            if (planes == Planes.NV12) {
                Mat uv = plane(dst, chromaAt, ch, cw, 2, cs);
                try {
                    Core.mixChannels(List.of(fullRangeYcc), List.of(uv), cbCrToUv);
                    uv.convertTo(uv, -1, CHROMA_SCALE, CHROMA_OFFSET);
                } finally {
                    uv.release();
                }
            } else {
                chroma(dst, chromaAt, ch, cw, cs, 2);
                chroma(dst, chromaAt + cs * ch, ch, cw, cs, 1);
            }
        } finally {
            in.release();
            luma.release();
        }
    }

    /** One chroma plane of I420 from channel {@code channel} of the full-range YCrCb (Cb is 2, Cr 1). */
    private void chroma(ByteBuffer dst, int offset, int rows, int cols, int stride, int channel) {
        Mat plane = plane(dst, offset, rows, cols, 1, stride);
        try {
            Core.extractChannel(fullRangeYcc, plane, channel);
            plane.convertTo(plane, -1, CHROMA_SCALE, CHROMA_OFFSET);
        } finally {
            plane.release();
        }
    }

    /** A Mat over part of {@code dst} (no copy). */
    private static Mat plane(ByteBuffer dst, int offset, int rows, int cols, int channels, int stride) {
        return new Mat(rows, cols, CvType.CV_8UC(channels), dst.slice(dst.position() + offset, stride * rows), stride);
    }

    @Override
    public void close() {
        fullRangeLuma.release();
        halfSize.release();
        fullRangeYcc.release();
        cbCrToUv.release();
    }
}
