package dev.rvm.matting.compositing;

import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.pixels.Composite;
import dev.rvm.matting.pixels.PlanarInput;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Turns a {@link Background} into pixels at the frame's size. Pictures are loaded and scaled once
 * per frame size; blur and video backgrounds reuse their buffers from frame to frame.
 */
public final class BackgroundRenderer implements AutoCloseable {

    private static final Composite.Source TRANSPARENT = new Composite.Source.Transparent();

    private Background.Color colorKey;
    private Composite.Source.Color color;

    private Path pictureKey;
    private int pictureW;
    private int pictureH;
    private Composite.Source.Pixels picture;

    private byte[] frameRgb = new byte[0];
    private byte[] bgRgb = new byte[0];
    private Composite.Source.Pixels frameSized;
    private Mat blurIn;
    private Mat blurOut;
    private Mat videoScaled;
    private Mat videoCovered;
    private Mat videoRgb;
    private ByteBuffer heapCopy;
    private CoverScaler scaler;

    /**
     * @param src the frame's network input (planar unit floats), needed for {@link Background.Blur}
     */
    public Composite.Source source(Background bg, FloatBuffer src, int srcOffset, int w, int h) {
        if (bg instanceof Background.Blur b) {
            OpenCvLoader.ensureLoaded();
            frameRgb(w, h);
            PlanarInput.planarToRgb(src, srcOffset, w, h, frameRgb);
            return blur(b.strength(), w, h);
        }
        return source(bg, w, h);
    }

    /**
     * As {@link #source(Background, FloatBuffer, int, int, int)}, a blur made from the host's 8-bit frame:
     * OpenCV reorders it to RGB over the caller's buffer and blurs that, with no Java pass over the pixels.
     */
    public Composite.Source source(Background bg, ByteBuffer frame, FrameLayout layout) {
        int w = layout.width();
        int h = layout.height();
        if (bg instanceof Background.Blur b) {
            OpenCvLoader.ensureLoaded();
            ensureFrameSized(w, h);
            toRgb(frame, layout, blurIn());
            blurred(b.strength(), blurIn);
            return frameSized;
        }
        return source(bg, w, h);
    }

    private Composite.Source source(Background bg, int w, int h) {
        Objects.requireNonNull(bg, "background");
        if (bg instanceof Background.Transparent) {
            return TRANSPARENT;
        }
        if (bg instanceof Background.Color c) {
            if (!c.equals(colorKey)) {
                int argb = c.argb();
                color = new Composite.Source.Color(PlanarInput.unit(argb >> 16), PlanarInput.unit(argb >> 8), PlanarInput.unit(argb));
                colorKey = c;
            }
            return color;
        }
        if (bg instanceof Background.Picture p) {
            return picture(p.file(), w, h);
        }
        throw new MattingException("a video background has no pixels of its own; pass each background frame to "
                + "writeComposite(dst, layout, backgroundPixels, backgroundLayout)");
    }

    /**
     * A caller-supplied background frame of any size, scaled to cover w x h. Scaled in its own format
     * first (fewer pixels to convert when it is larger), then reordered to RGB, both by OpenCV over the
     * caller's buffer.
     */
    public Composite.Source video(ByteBuffer pixels, FrameLayout layout, int w, int h) {
        if (pixels.remaining() < layout.byteSize()) {
            throw new MattingException("background frame buffer has " + pixels.remaining() + " bytes, its layout "
                    + layout + " needs " + layout.byteSize());
        }
        OpenCvLoader.ensureLoaded();
        ensureFrameSized(w, h);
        if (videoScaled == null) {
            videoScaled = new Mat();
            videoCovered = new Mat();
            videoRgb = new Mat();
        }
        PixelFormat f = layout.format();
        Mat in = over(pixels, layout);
        try {
            CoverScaler.cover(in, w, h, videoScaled, videoCovered);
            if (f == PixelFormat.RGB) {
                videoCovered.get(0, 0, bgRgb);
            } else {
                Imgproc.cvtColor(videoCovered, videoRgb, toRgb(f));
                videoRgb.get(0, 0, bgRgb);
            }
        } finally {
            in.release();
        }
        return frameSized;
    }

    /** OpenCV reads only direct buffers: a heap buffer is copied into a reused one. */
    private ByteBuffer direct(ByteBuffer pixels) {
        ByteBuffer view = pixels.slice(pixels.position(), pixels.remaining());
        if (view.isDirect()) {
            return view;
        }
        if (heapCopy == null || heapCopy.capacity() < view.remaining()) {
            heapCopy = ByteBuffer.allocateDirect(view.remaining());
        }
        heapCopy.clear();
        heapCopy.put(view);
        return heapCopy.flip();
    }

    /** A Mat header over the caller's pixels (copied only when they are on the heap). */
    private Mat over(ByteBuffer pixels, FrameLayout layout) {
        return new Mat(layout.height(), layout.width(), CvType.CV_8UC(layout.format().bytesPerPixel), direct(pixels),
                layout.stride());
    }

    /** The caller's frame as packed RGB in {@code rgb}. */
    private void toRgb(ByteBuffer pixels, FrameLayout layout, Mat rgb) {
        Mat in = over(pixels, layout);
        try {
            if (layout.format() == PixelFormat.RGB) {
                in.copyTo(rgb);
            } else {
                Imgproc.cvtColor(in, rgb, toRgb(layout.format()));
            }
        } finally {
            in.release();
        }
    }

    private static int toRgb(PixelFormat f) {
        return switch (f) {
            case BGR -> Imgproc.COLOR_BGR2RGB;
            case RGBA, RGBX -> Imgproc.COLOR_RGBA2RGB;
            case BGRA, BGRX -> Imgproc.COLOR_BGRA2RGB;
            case RGB -> throw new IllegalArgumentException("RGB needs no conversion");
        };
    }

    private Composite.Source picture(Path file, int w, int h) {
        if (picture != null && file.equals(pictureKey) && w == pictureW && h == pictureH) {
            return picture;
        }
        OpenCvLoader.ensureLoaded();
        if (!Files.isReadable(file)) {
            throw new MattingException("background image " + file + " does not exist or cannot be read");
        }
        Mat bgr = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        Mat rgb = new Mat();
        try {
            if (bgr.empty()) {
                throw new MattingException("background image " + file + " is not an image OpenCV can decode (use PNG or JPEG)");
            }
            Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
            byte[] out = new byte[w * h * 3];
            scaler().cover(rgb, out, w, h);
            picture = new Composite.Source.Pixels(out);
            pictureKey = file;
            pictureW = w;
            pictureH = h;
            return picture;
        } finally {
            bgr.release();
            rgb.release();
        }
    }

    private void frameRgb(int w, int h) {
        if (frameRgb.length < w * h * 3) {
            frameRgb = new byte[w * h * 3];
        }
    }

    /** The frame in {@code frameRgb}, blurred into the frame-sized background. */
    private Composite.Source blur(int strength, int w, int h) {
        ensureFrameSized(w, h);
        blurIn().create(h, w, CvType.CV_8UC3);
        blurIn.put(0, 0, frameRgb, 0, w * h * 3);
        blurred(strength, blurIn);
        return frameSized;
    }

    /** The frame-sized background becomes {@code rgb} box-blurred (strength 0: unblurred). */
    private void blurred(int strength, Mat rgb) {
        if (strength <= 0) {
            rgb.get(0, 0, bgRgb);
            return;
        }
        int k = 2 * strength + 1;
        Imgproc.blur(rgb, blurOut, new Size(k, k));
        blurOut.get(0, 0, bgRgb);
    }

    private Mat blurIn() {
        if (blurIn == null) {
            blurIn = new Mat();
            blurOut = new Mat();
        }
        return blurIn;
    }

    private void ensureFrameSized(int w, int h) {
        if (bgRgb.length != w * h * 3) {
            bgRgb = new byte[w * h * 3];
            frameSized = new Composite.Source.Pixels(bgRgb);
        }
    }

    private CoverScaler scaler() {
        if (scaler == null) {
            scaler = new CoverScaler();
        }
        return scaler;
    }

    @Override
    public void close() {
        if (scaler != null) {
            scaler.close();
        }
        if (blurIn != null) {
            blurIn.release();
            blurOut.release();
        }
        if (videoScaled != null) {
            videoScaled.release();
            videoCovered.release();
            videoRgb.release();
        }
    }
}
