package dev.rvm.panel.gst;

import dev.rvm.matting.PixelFormat;
import dev.rvm.panel.preview.FrameSlot;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Clock;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Fraction;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeInfo;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Structure;

import java.nio.ByteBuffer;

/**
 * Copies every buffer that passes a pad into a {@link FrameSlot}, without touching the stream (a
 * buffer probe). Works on pads the host linked as well as on ours, so the panel can watch any pipeline.
 */
public final class FrameTap implements Pad.PROBE {

    /** Told about each new frame (streaming thread; must be quick). */
    @FunctionalInterface
    public interface FrameListener {
        void onFrame(FrameTap tap);
    }

    private static final int LAG_EVERY = 8;

    private final FrameSlot slot;
    private final FrameListener listener;
    private final Element timeReference;
    private Pad pad;
    // caps of the stream, re-read when the buffer size stops matching them
    private int width;
    private int height;
    private int stride;
    private PixelFormat format;
    private double framesPerSecond;
    private long expectedSize = -1;
    private long seen;
    private volatile double lagMillis = Double.NaN;
    private volatile boolean copying = true;
    private volatile long frames;
    private volatile String problem;

    /**
     * @param timeReference the element whose clock tells how late frames are (null: not measured)
     */
    public FrameTap(FrameSlot slot, Element timeReference, FrameListener listener) {
        this.slot = slot;
        this.timeReference = timeReference;
        this.listener = listener;
    }

    public void attach(Pad pad) {
        this.pad = pad;
        pad.addProbe(PadProbeType.BUFFER, this);
    }

    public void detach() {
        if (pad != null) {
            pad.removeProbe(this);
            pad = null;
        }
    }

    public FrameSlot slot() {
        return slot;
    }

    /** Off while no view shows this stream: frames are still counted and their format read, not copied. */
    public void setCopying(boolean copying) {
        this.copying = copying;
    }

    /** Frames that passed the pad so far. */
    public long frames() {
        return frames;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double framesPerSecond() {
        return framesPerSecond;
    }

    /**
     * How far behind the pipeline clock the last measured frame was, in ms (negative: early, as frames
     * are before a synchronising sink). NaN until measured.
     */
    public double lagMillis() {
        return lagMillis;
    }

    /** Why frames on this pad cannot be shown (an unsupported format), or null. */
    public String problem() {
        return problem;
    }

    @Override
    public PadProbeReturn probeCallback(Pad pad, PadProbeInfo info) {
        try {
            Buffer buffer = info.getBuffer();
            if (buffer == null) {
                return PadProbeReturn.OK;
            }
            ByteBuffer pixels = buffer.map(false);
            try {
                if (pixels.capacity() != expectedSize && !readCaps(pad, pixels.capacity())) {
                    return PadProbeReturn.OK;
                }
                if (!copying) {
                    // counted below, not copied
                } else if (format == null) {
                    slot.writeGray(pixels, width, height, stride);
                } else {
                    slot.writeColor(pixels, width, height, stride, format);
                }
            } finally {
                buffer.unmap();
            }
            if (timeReference != null && seen++ % LAG_EVERY == 0) {
                measureLag(buffer.getPresentationTimestamp());
            }
            frames++;
            listener.onFrame(this);
        } catch (RuntimeException | Error e) {
            // Nothing may escape into GStreamer's thread; the preview just misses this frame.
            problem = "preview of " + pad.getName() + " failed: " + e;
        }
        return PadProbeReturn.OK;
    }

    private boolean readCaps(Pad pad, long size) {
        Caps caps = pad.getCurrentCaps();
        if (caps == null || caps.size() == 0) {
            return false;
        }
        Structure s = caps.getStructure(0);
        String name = s.hasField("format") ? s.getString("format") : null;
        int w = s.getInteger("width");
        int h = s.getInteger("height");
        PixelFormat f;
        int bytes;
        switch (name == null ? "" : name) {
            case "GRAY8" -> { f = null; bytes = 1; }
            case "RGB" -> { f = PixelFormat.RGB; bytes = 3; }
            case "BGR" -> { f = PixelFormat.BGR; bytes = 3; }
            case "RGBA" -> { f = PixelFormat.RGBA; bytes = 4; }
            case "BGRA" -> { f = PixelFormat.BGRA; bytes = 4; }
            case "RGBx" -> { f = PixelFormat.RGBX; bytes = 4; }
            case "BGRx" -> { f = PixelFormat.BGRX; bytes = 4; }
            default -> {
                problem = "the preview cannot show " + name + " frames on pad " + pad.getName();
                return false;
            }
        }
        int rowStride = (w * bytes + 3) & ~3; // GStreamer's default row alignment for packed formats
        if ((long) rowStride * h > size) {
            problem = "pad " + pad.getName() + " sent " + size + " bytes for a " + w + "x" + h + " " + name + " frame";
            return false;
        }
        if (s.hasField("framerate")) {
            Fraction rate = s.getFraction("framerate");
            framesPerSecond = rate.getDenominator() != 0 ? rate.toDouble() : 0;
        }
        width = w;
        height = h;
        stride = rowStride;
        format = f;
        expectedSize = size;
        problem = null;
        return true;
    }

    private void measureLag(long pts) {
        if (pts < 0) {
            return;
        }
        Clock clock = timeReference.getClock();
        if (clock != null) {
            long runningTime = clock.getTime() - timeReference.getBaseTime();
            lagMillis = (runningTime - pts) / 1e6;
        }
    }
}
