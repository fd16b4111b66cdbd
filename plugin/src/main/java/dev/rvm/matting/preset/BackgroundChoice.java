package dev.rvm.matting.preset;

import dev.rvm.matting.Background;

import java.nio.file.Path;

/**
 * The background a user picked, with the settings of every kind kept (switching from colour to image
 * and back keeps the colour). {@link #kind} says which one is in use.
 *
 * @param kind         which background shows
 * @param color        ARGB colour for {@link Kind#COLOR}
 * @param image        PNG or JPEG for {@link Kind#IMAGE}, or null
 * @param video        video file for {@link Kind#VIDEO}, or null
 * @param blurStrength blur radius in pixels for {@link Kind#BLUR}
 */
public record BackgroundChoice(Kind kind, int color, Path image, Path video, int blurStrength) {

    public enum Kind {
        /** Straight alpha: nothing behind the person (a checkerboard on screen). */
        TRANSPARENT("Transparent"), COLOR("Colour"), IMAGE("Image"), VIDEO("Video"), BLUR("Blur");

        /** How people call it. */
        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public static final int DEFAULT_BLUR_STRENGTH = 16;
    public static final BackgroundChoice DEFAULT =
            new BackgroundChoice(Kind.TRANSPARENT, Background.UPSTREAM_GREEN, null, null, DEFAULT_BLUR_STRENGTH);

    public BackgroundChoice {
        if (kind == null) {
            throw new IllegalArgumentException("background kind is missing; use one of transparent, color, image, video, blur");
        }
        if (blurStrength < 1 || blurStrength > 256) {
            throw new IllegalArgumentException("blur strength must be in 1..256; got " + blurStrength);
        }
        if (kind == Kind.IMAGE && image == null) {
            throw new IllegalArgumentException("an image background needs an image file");
        }
        if (kind == Kind.VIDEO && video == null) {
            throw new IllegalArgumentException("a video background needs a video file");
        }
    }

    public BackgroundChoice withKind(Kind k) { return new BackgroundChoice(k, color, image, video, blurStrength); }
    public BackgroundChoice withColor(int argb) { return new BackgroundChoice(Kind.COLOR, argb, image, video, blurStrength); }
    public BackgroundChoice withImage(Path file) { return new BackgroundChoice(Kind.IMAGE, color, file, video, blurStrength); }
    public BackgroundChoice withVideo(Path file) { return new BackgroundChoice(Kind.VIDEO, color, image, file, blurStrength); }
    public BackgroundChoice withBlur(int strength) { return new BackgroundChoice(Kind.BLUR, color, image, video, strength); }

    /** The matting core's view of this choice. */
    public Background toBackground() {
        return switch (kind) {
            case TRANSPARENT -> new Background.Transparent();
            case COLOR -> new Background.Color(color);
            case IMAGE -> new Background.Picture(image);
            case VIDEO -> new Background.Video();
            case BLUR -> new Background.Blur(blurStrength);
        };
    }
}
