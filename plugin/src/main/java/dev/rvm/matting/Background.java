package dev.rvm.matting;

import dev.rvm.matting.settings.Nicked;

import java.nio.file.Path;

/** What shows through where the person is not. */
public sealed interface Background {

    /** Upstream RVM's green, (120, 255, 155). */
    int UPSTREAM_GREEN = 0xFF78FF9B;

    /** Which background: the element's {@code background} values, preset kinds and the panel's list. */
    enum Kind implements Nicked {
        /** Straight alpha: nothing behind the person (a checkerboard on screen). */
        TRANSPARENT("none", "Transparent", Transparent.class),
        COLOR("color", "Colour", Color.class),
        IMAGE("image", "Image", Picture.class),
        VIDEO("video", "Video", Video.class),
        BLUR("blur", "Blur", Blur.class);

        private final String nick;
        /** How people call it. */
        public final String label;
        private final Class<? extends Background> type;

        Kind(String nick, String label, Class<? extends Background> type) {
            this.nick = nick;
            this.label = label;
            this.type = type;
        }

        @Override
        public String nick() {
            return nick;
        }
    }

    default Kind kind() {
        for (Kind k : Kind.values()) {
            if (k.type == getClass()) {
                return k;
            }
        }
        throw new IllegalStateException("no kind for " + this);
    }

    /**
     * The background of one kind from the settings of every kind.
     *
     * @param picture the picture of {@link Kind#IMAGE} (may be null for other kinds)
     */
    static Background of(Kind kind, int argb, Path picture, int blurStrength) {
        return switch (kind) {
            case TRANSPARENT -> new Transparent();
            case COLOR -> new Color(argb);
            case IMAGE -> new Picture(picture);
            case VIDEO -> new Video();
            case BLUR -> new Blur(blurStrength);
        };
    }

    /** Straight (non-premultiplied) alpha: the composite is foreground RGB plus the matte as A. */
    record Transparent() implements Background {}

    record Color(int argb) implements Background {}

    /** A still picture, scaled to cover the frame (aspect kept, centre cropped). */
    record Picture(Path file) implements Background {}

    /** The original frame, box-blurred; strength is the blur radius in pixels at the frame's size. */
    record Blur(int strength) implements Background {}

    /** Another video's frames, handed in per frame by the caller. */
    record Video() implements Background {}
}
