package dev.rvm.matting.compositing;

import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingException;
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
    private byte[] row = new byte[0];
    private Composite.Source.Pixels frameSized;
    private Mat blurIn;
    private Mat blurOut;
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

    /** As {@link #source(Background, FloatBuffer, int, int, int)}, a blur made from the host's 8-bit frame. */
    public Composite.Source source(Background bg, ByteBuffer frame, FrameLayout layout) {
        int w = layout.width();
        int h = layout.height();
        if (bg instanceof Background.Blur b) {
            OpenCvLoader.ensureLoaded();
            frameRgb(w, h);
            if (row.length < layout.stride()) {
                row = new byte[layout.stride()];
            }
            PlanarInput.toRgb(frame, layout, frameRgb, row);
            return blur(b.strength(), w, h);
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

    /** A caller-supplied background frame of any size, scaled to cover w x h. */
    public Composite.Source video(ByteBuffer pixels, FrameLayout layout, int w, int h) {
        if (pixels.remaining() < layout.byteSize()) {
            throw new MattingException("background frame buffer has " + pixels.remaining() + " bytes, its layout "
                    + layout + " needs " + layout.byteSize());
        }
        OpenCvLoader.ensureLoaded();
        ensureFrameSized(w, h);
        int n = layout.width() * layout.height() * 3;
        if (frameRgb.length < n) {
            frameRgb = new byte[n];
        }
        if (row.length < layout.stride()) {
            row = new byte[layout.stride()];
        }
        PlanarInput.toRgb(pixels, layout, frameRgb, row);
        scaler().cover(frameRgb, layout.width(), layout.height(), bgRgb, w, h);
        return frameSized;
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
        if (strength <= 0) {
            System.arraycopy(frameRgb, 0, bgRgb, 0, w * h * 3);
            return frameSized;
        }
        if (blurIn == null) {
            blurIn = new Mat();
            blurOut = new Mat();
        }
        blurIn.create(h, w, CvType.CV_8UC3);
        blurIn.put(0, 0, frameRgb, 0, w * h * 3);
        int k = 2 * strength + 1;
        Imgproc.blur(blurIn, blurOut, new Size(k, k));
        blurOut.get(0, 0, bgRgb);
        return frameSized;
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
    }
}
