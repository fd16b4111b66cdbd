package dev.rvm.matting.preset;

import dev.rvm.matting.Background;
import dev.rvm.matting.Background.Kind;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.SettingValues;

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

    public static final int DEFAULT_BLUR_STRENGTH = SettingsTable.BLUR_STRENGTH.defaultValue();
    public static final BackgroundChoice DEFAULT = new BackgroundChoice(SettingsTable.BACKGROUND.defaultValue(),
            SettingsTable.BACKGROUND_COLOR.defaultValue(), null, null, DEFAULT_BLUR_STRENGTH);

    public BackgroundChoice {
        if (kind == null) {
            throw new IllegalArgumentException("background kind is missing; use one of transparent, color, image, video, blur");
        }
        SettingsTable.BLUR_STRENGTH.check(blurStrength);
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

    /**
     * The background settings of {@link SettingsTable} set to this choice (the video file is none of
     * them); refused like {@link SettingsTable#BACKGROUND} when the kind is one a stream cannot show alone.
     */
    public SettingValues writeTo(SettingValues v) {
        return v.with(SettingsTable.BACKGROUND, kind).with(SettingsTable.BACKGROUND_COLOR, color)
                .with(SettingsTable.BACKGROUND_LOCATION, image == null ? null : image.toString())
                .with(SettingsTable.BLUR_STRENGTH, blurStrength);
    }

    /** The matting core's view of this choice. */
    public Background toBackground() {
        return Background.of(kind, color, image, blurStrength);
    }
}
