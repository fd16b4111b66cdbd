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
        TRANSPARENT("none", "Transparent"),
        COLOR("color", "Colour"),
        IMAGE("image", "Image"),
        VIDEO("video", "Video"),
        BLUR("blur", "Blur");

        private final String nick;
        /** How people call it. */
        public final String label;

        Kind(String nick, String label) {
            this.nick = nick;
            this.label = label;
        }

        @Override
        public String nick() {
            return nick;
        }
    }

    Kind kind();

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
    record Transparent() implements Background {
        @Override
        public Kind kind() {
            return Kind.TRANSPARENT;
        }
    }

    record Color(int argb) implements Background {
        @Override
        public Kind kind() {
            return Kind.COLOR;
        }
    }

    /** A still picture, scaled to cover the frame (aspect kept, centre cropped). */
    record Picture(Path file) implements Background {
        @Override
        public Kind kind() {
            return Kind.IMAGE;
        }
    }

    /** The original frame, box-blurred; strength is the blur radius in pixels at the frame's size. */
    record Blur(int strength) implements Background {
        @Override
        public Kind kind() {
            return Kind.BLUR;
        }
    }

    /** Another video's frames, handed in per frame by the caller. */
    record Video() implements Background {
        @Override
        public Kind kind() {
            return Kind.VIDEO;
        }
    }
}
