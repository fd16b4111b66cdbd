package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.Background;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.SettingValues;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.FrameTargets;

import java.nio.ByteBuffer;

/**
 * What one frame's composite goes over: a background of the settings (colour, picture, blur, none) or
 * a frame from the {@code background} pad (any size; the core scales it to cover).
 */
record Backdrop(Background background, ByteBuffer video, FrameLayout videoLayout) {

    /**
     * The background pad's frame for this one's running time (the colour when it has none); else the
     * settings' background, also the colour when src could not become straight alpha.
     */
    static Backdrop forFrame(State st, Pointer input, SettingValues s, BackgroundInput bg) {
        if (bg != null) {
            return bg.acquire(runningTime(st, input), new Background.Color(s.get(SettingsTable.BACKGROUND_COLOR)));
        }
        Background b = SettingsTable.background(s);
        if (b instanceof Background.Transparent && !st.compositeFormat.hasAlpha()) {
            b = new Background.Color(s.get(SettingsTable.BACKGROUND_COLOR));
        }
        return of(b);
    }

    private static long runningTime(State st, Pointer input) {
        long pts = input == null ? Layout.CLOCK_TIME_NONE : input.getLong(Layout.GST_BUFFER_PTS);
        if (!st.haveSegment || pts == Layout.CLOCK_TIME_NONE) {
            return Layout.CLOCK_TIME_NONE;
        }
        return GstNative.gst_segment_to_running_time(st.segment, Layout.FORMAT_TIME, pts);
    }

    static Backdrop of(Background background) {
        return new Backdrop(background, null, null);
    }

    static Backdrop video(ByteBuffer pixels, FrameLayout layout) {
        return new Backdrop(null, pixels, layout);
    }

    /** Names the composite over this backdrop in the frame's targets. */
    void composite(FrameTargets targets, ByteBuffer dst, FrameLayout layout) {
        if (video != null) {
            targets.composite(dst, layout, video, videoLayout);
        } else {
            targets.composite(background, dst, layout);
        }
    }
}
