package dev.rvm.gst.descriptor;

/**
 * A pad template: name, direction, whether the pad always exists or only when an application asks
 * for it ({@code m.alpha} in gst-launch requests the {@code alpha} template), and the caps it can carry.
 */
public record PadSpec(String name, boolean source, boolean request, String caps) {

    public static PadSpec always(String name, boolean source, String caps) {
        return new PadSpec(name, source, false, caps);
    }

    public static PadSpec request(String name, boolean source, String caps) {
        return new PadSpec(name, source, true, caps);
    }
}
