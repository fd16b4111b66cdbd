package dev.rvm.gst.element;

/** The values of the {@code background} property, in GEnum order; nicks are what gst-launch accepts. */
public enum BackgroundKind {
    NONE("none"), COLOR("color"), IMAGE("image"), BLUR("blur");

    public final String nick;

    BackgroundKind(String nick) {
        this.nick = nick;
    }
}
