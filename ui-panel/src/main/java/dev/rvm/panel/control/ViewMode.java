package dev.rvm.panel.control;

/** What the preview shows. */
public enum ViewMode {
    COMPOSITE("Composite"),
    ALPHA("Alpha"),
    FOREGROUND("Foreground"),
    SIDE_BY_SIDE("Side by side"),
    RED_OVERLAY("Matte overlay");

    public final String label;

    ViewMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
