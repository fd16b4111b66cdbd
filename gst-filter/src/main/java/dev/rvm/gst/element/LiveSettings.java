package dev.rvm.gst.element;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.compositing.BackgroundRenderer;
import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingValues;

/**
 * The element's property values as one immutable {@link Snapshot}, swapped on each write and read as
 * one by the streaming thread. A write whose values cannot work together (a picture that cannot be
 * read or decoded, a ratio too small for the negotiated frames) is refused: the snapshot
 * stays the last good one and a warning names the property and the fix. Before the stream is open
 * (NULL) a background that cannot be read yet is let through; NULL->READY refuses it with an error.
 */
final class LiveSettings {
    /** Property values and what the stream derives from them, computed once per write (not per frame). */
    record Snapshot(SettingValues values, MattingSettings matting, Background background) {
        /** {@code checkBackground}: a picture must be readable and decode (unless it is {@code previous}'s). */
        static Snapshot of(SettingValues values, boolean checkBackground, Snapshot previous) {
            MattingSettings matting = SettingsTable.matting(values);
            Background background = null;
            try {
                background = SettingsTable.background(values);
            } catch (RuntimeException e) {
                if (checkBackground) {
                    throw e;
                }
            }
            if (checkBackground && background instanceof Background.Picture p
                    && (previous == null || !p.equals(previous.background()))) {
                BackgroundRenderer.checkPicture(p.file());
            }
            return new Snapshot(values, matting, background);
        }
    }

    private final ElementMessages messages;
    private volatile Snapshot current = Snapshot.of(RvmMatteDescriptor.SETTINGS.defaults(), false, null);

    LiveSettings(ElementMessages messages) {
        this.messages = messages;
    }

    Snapshot get() {
        return current;
    }

    /** NULL->READY: every value must work now (a background picture readable); throws with the reason. */
    synchronized Snapshot checkedForStart() {
        current = Snapshot.of(current.values(), true, null);
        return current;
    }

    /**
     * Applies one property write. {@code running}: the stream is open, so every value must work now;
     * {@code video}: the negotiated frames (null before caps), whose size the downsample ratio must suit.
     */
    synchronized void set(Setting<?> setting, Object value, boolean running, VideoCaps video) {
        Snapshot next;
        try {
            next = Snapshot.of(current.values().withObject(setting, value), running, current);
        } catch (RuntimeException e) {
            refuse(setting, value, e.getMessage());
            return;
        }
        if (video != null) {
            String problem = next.matting().frameSizeProblem(video.width(), video.height());
            if (problem != null) {
                refuse(setting, value, problem);
                return;
            }
        }
        current = next;
    }

    private void refuse(Setting<?> setting, Object value, String why) {
        messages.warning("rvmmatte refused " + setting.name() + "=" + text(setting, value) + ": " + why + "; it keeps "
                + setting.name() + "=" + text(setting, current.values().get(setting)));
    }

    /** The value as the property's users write it (nicks, "auto"). */
    @SuppressWarnings("unchecked")
    private static String text(Setting<?> setting, Object value) {
        try {
            return ((Setting<Object>) setting).format(setting.checkObject(value));
        } catch (RuntimeException e) {
            return String.valueOf(value);
        }
    }
}
