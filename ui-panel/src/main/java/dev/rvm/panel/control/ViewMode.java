package dev.rvm.panel.control;

/** What the preview shows. */
public enum ViewMode {
    COMPOSITE("Composite", Stream.COMPOSITE),
    ALPHA("Alpha", Stream.ALPHA),
    FOREGROUND("Foreground", Stream.FOREGROUND),
    SIDE_BY_SIDE("Side by side", Stream.SOURCE, Stream.COMPOSITE),
    RED_OVERLAY("Matte overlay", Stream.SOURCE, Stream.ALPHA);

    /** The frames a view can be drawn from: the element's input and its three outputs. */
    public enum Stream { SOURCE, COMPOSITE, ALPHA, FOREGROUND }

    public final String label;
    private final java.util.Set<Stream> streams;

    ViewMode(String label, Stream first, Stream... more) {
        this.label = label;
        this.streams = java.util.EnumSet.of(first, more);
    }

    /** Whether this view draws the given stream (the others need not be copied). */
    public boolean shows(Stream stream) {
        return streams.contains(stream);
    }

    @Override
    public String toString() {
        return label;
    }
}
