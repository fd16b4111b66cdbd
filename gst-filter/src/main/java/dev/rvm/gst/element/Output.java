package dev.rvm.gst.element;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.FrameTargets;
import dev.rvm.matting.PixelFormat;

import java.nio.ByteBuffer;

/**
 * What an output of the element carries: its pad, its caps (the sink caps in another format) and how a
 * matted frame becomes one of its buffers (a target of the frame's one write, then a finish). Each {@link OutputPad} serves one. {@code src} always exists;
 * {@code alpha} and {@code fgr} are request pads, so alone the element is a plain one-in, one-out filter.
 */
enum Output {
    /** Straight-alpha foreground when nothing is behind the person, else the composite (opaque). */
    COMPOSITE("src", CompositeFormat.TEMPLATE, false) {
        @Override
        String format(State state) {
            return state.compositeFormat.gstName;
        }

        @Override
        long size(State state) {
            return state.compositeFormat.size(state.video.width(), state.video.height());
        }

        @Override
        void target(FrameTargets targets, ByteBuffer dst, State state, Backdrop backdrop) {
            CompositeFormat f = state.compositeFormat;
            int w = state.video.width();
            int h = state.video.height();
            if (f.packed != null) {
                backdrop.composite(targets, dst, f.layout(w, h));
                return;
            }
            // 4:2:0 from the packed composite, made in a reused frame and converted after the write
            FrameLayout rgb = yuvSource(w, h);
            backdrop.composite(targets, state.compositeScratch(rgb.byteSize()), rgb);
        }

        @Override
        void finish(ByteBuffer dst, State state) {
            CompositeFormat f = state.compositeFormat;
            if (f.packed == null) {
                FrameLayout rgb = yuvSource(state.video.width(), state.video.height());
                state.yuv().convert(state.compositeScratch(rgb.byteSize()), rgb, f.yuv, dst);
            }
        }

        private static FrameLayout yuvSource(int w, int h) {
            return FrameLayout.packed(w, h, PixelFormat.RGBX);
        }
    },
    /** The 8-bit matte, round(alpha x 255); kept for QoS to repeat when a late frame is skipped. */
    ALPHA("alpha", "GRAY8", true) {
        @Override
        String format(State state) {
            return "GRAY8";
        }

        @Override
        long size(State state) {
            return state.video.alphaSize();
        }

        @Override
        void target(FrameTargets targets, ByteBuffer dst, State state, Backdrop backdrop) {
            targets.alpha(dst, state.video.alphaStride());
        }

        @Override
        void finish(ByteBuffer dst, State state) {
            state.keepAlpha(dst);
        }
    },
    /** The predicted foreground, RGB. */
    FOREGROUND("fgr", "RGB", false) {
        @Override
        String format(State state) {
            return "RGB";
        }

        @Override
        long size(State state) {
            return (long) state.foregroundLayout.stride() * state.foregroundLayout.height();
        }

        @Override
        void target(FrameTargets targets, ByteBuffer dst, State state, Backdrop backdrop) {
            targets.foreground(dst, state.foregroundLayout);
        }
    };

    final String padName;
    /** The formats of the pad template. */
    final String templateFormats;
    /** GRAY8's colorimetry differs from RGB's: the sink's colour fields are left out of its caps. */
    final boolean dropsColour;

    Output(String padName, String templateFormats, boolean dropsColour) {
        this.padName = padName;
        this.templateFormats = templateFormats;
        this.dropsColour = dropsColour;
    }

    /** The output on a pad of this template, or null. */
    static Output ofTemplate(String templateName) {
        for (Output o : values()) {
            if (o.padName.equals(templateName)) {
                return o;
            }
        }
        return null;
    }

    /** Whether the pad exists only when requested. */
    boolean requested() {
        return this != COMPOSITE;
    }

    /** The format of this output's caps for the negotiated stream. */
    abstract String format(State state);

    /** Bytes of one buffer for the negotiated input. */
    abstract long size(State state);

    /**
     * Names this output's buffer (or the frame it is made from) in the frame's targets; every linked
     * pad's target is named before the one {@link dev.rvm.matting.MattedFrame#write(FrameTargets)}.
     */
    abstract void target(FrameTargets targets, ByteBuffer dst, State state, Backdrop backdrop);

    /** What is left once the frame is written: nothing, unless the buffer is made from another. */
    void finish(ByteBuffer dst, State state) {
    }
}
