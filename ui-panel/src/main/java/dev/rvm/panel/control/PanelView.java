package dev.rvm.panel.control;

import dev.rvm.matting.preset.Preset;

/** What the presenter tells the widgets; always called on the UI thread. */
public interface PanelView {

    /** Puts every control in line with these settings (after a load, or a refused change). */
    void showSettings(Preset preset);

    void showViewMode(ViewMode mode);

    /** E.g. "auto: 0.853 -> 512x384" or "-" before the input size is known. */
    void showInternalResolution(String text);

    /** E.g. "+100 ms latency (3 frames at 30 fps)". */
    void showChunkLatency(String text);

    /** E.g. "24.8 fps, 38.2 ms/frame". */
    void showStats(String text);

    /** A problem the user should see; null clears it. */
    void showError(String message);
}
