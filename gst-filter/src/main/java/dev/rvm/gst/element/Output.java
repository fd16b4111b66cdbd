package dev.rvm.gst.element;

import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.SettingValues;

import java.nio.ByteBuffer;

/**
 * What an output of the element carries: its pad, its caps (the sink caps in another format) and how a
 * matted frame becomes one of its buffers. Each {@link OutputPad} serves one.
 */
enum Output {
    /** Straight-alpha foreground when background=none, else the composite (A = 255); the input's channel order. */
    COMPOSITE("src", "{ RGBA, BGRA }", false) {
        @Override
        String format(VideoCaps video) {
            return video.compositeFormat() == PixelFormat.RGBA ? "RGBA" : "BGRA";
        }

        @Override
        long size(State state) {
            return state.compositeLayout.byteSize();
        }

        @Override
        void write(MattedFrame frame, ByteBuffer dst, State state, SettingValues settings) {
            frame.writeComposite(SettingsTable.background(settings), dst, state.compositeLayout);
        }
    },
    /** The 8-bit matte, round(alpha x 255); kept for QoS to repeat when a late frame is skipped. */
    ALPHA("alpha", "GRAY8", true) {
        @Override
        String format(VideoCaps video) {
            return "GRAY8";
        }

        @Override
        long size(State state) {
            return state.video.alphaSize();
        }

        @Override
        void write(MattedFrame frame, ByteBuffer dst, State state, SettingValues settings) {
            frame.writeAlpha(dst, state.video.alphaStride());
            state.keepAlpha(dst);
        }
    },
    /** The predicted foreground, RGB. */
    FOREGROUND("fgr", "RGB", false) {
        @Override
        String format(VideoCaps video) {
            return "RGB";
        }

        @Override
        long size(State state) {
            return (long) state.foregroundLayout.stride() * state.foregroundLayout.height();
        }

        @Override
        void write(MattedFrame frame, ByteBuffer dst, State state, SettingValues settings) {
            frame.writeForeground(dst, state.foregroundLayout);
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

    /** The format of this output's caps for the negotiated input. */
    abstract String format(VideoCaps video);

    /** Bytes of one buffer for the negotiated input. */
    abstract long size(State state);

    abstract void write(MattedFrame frame, ByteBuffer dst, State state, SettingValues settings);
}
