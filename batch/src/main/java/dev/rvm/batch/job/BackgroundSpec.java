package dev.rvm.batch.job;

import dev.rvm.matting.Background;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * A {@link Background} in a form that travels to executors (an image background is a path every
 * executor must be able to read: a shared file system, like the inputs).
 *
 * @param kind "none", "color", "image" or "blur"
 */
public record BackgroundSpec(String kind, int argb, String image, int blurRadius) implements Serializable {

    public static BackgroundSpec of(Background b) {
        if (b == null || b instanceof Background.Transparent) {
            return new BackgroundSpec("none", 0, null, 0);
        }
        if (b instanceof Background.Color c) {
            return new BackgroundSpec("color", c.argb(), null, 0);
        }
        if (b instanceof Background.Picture p) {
            return new BackgroundSpec("image", 0, p.file().toAbsolutePath().toString(), 0);
        }
        if (b instanceof Background.Blur blur) {
            return new BackgroundSpec("blur", 0, null, blur.strength());
        }
        throw new IllegalArgumentException("a video background is not supported by batch; give a colour, an image or blur");
    }

    /** The background, or null for none (a transparent composition). */
    public Background toBackground() {
        return switch (kind) {
            case "color" -> new Background.Color(argb);
            case "image" -> new Background.Picture(Path.of(image));
            case "blur" -> new Background.Blur(blurRadius);
            default -> null;
        };
    }
}
