package dev.rvm.conversion.video;

import dev.rvm.gst.MatteProperties;
import dev.rvm.gst.RvmMatteElement;
import dev.rvm.matting.Background;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.SettingValues;

import java.nio.file.Path;

/**
 * The gst-launch description of a video conversion: decodebin, videoconvert, rvmmatte, one encoder
 * branch per requested output, and the input's audio muxed into the composition.
 */
final class VideoPipeline {
    private VideoPipeline() {
    }

    static String describe(VideoConvertOptions o, boolean inputHasAudio) {
        StringBuilder p = new StringBuilder();
        p.append("filesrc location=").append(quote(o.input())).append(" ! decodebin name=d ");
        p.append("d. ! queue ! videoconvert ! ").append(RvmMatteElement.FACTORY_NAME).append(" name=m ")
                .append(elementProperties(o)).append(' ');
        VideoFormat audioTo = null;
        if (o.composition() != null) {
            p.append("m.src ! ");
            if (o.pngSequence()) {
                p.append(pngBranch(o.composition(), 0));
            } else {
                VideoFormat f = VideoFormat.of(o.composition(), o.background() == null, "--output-composition");
                p.append("queue ! ").append(f.encoder(o.videoMbps())).append(f.muxer())
                        .append(" name=cmux ! filesink location=").append(quote(o.composition())).append(' ');
                audioTo = inputHasAudio ? f : null;
            }
        }
        if (o.alpha() != null) {
            p.append("m.alpha ! ").append(o.pngSequence() ? pngBranch(o.alpha(), 0) : videoBranch(o.alpha(), o.videoMbps()));
        }
        if (o.foreground() != null) {
            p.append("m.fgr ! ").append(o.pngSequence() ? pngBranch(o.foreground(), 0) : videoBranch(o.foreground(), o.videoMbps()));
        }
        if (audioTo != null) {
            p.append("d. ! queue ! ").append(audioBranch(audioTo)).append("cmux. ");
        }
        return p.toString();
    }

    /** Every property of the element from the settings table; QoS off: a file conversion keeps every frame. */
    private static String elementProperties(VideoConvertOptions o) {
        Background b = o.background() == null ? new Background.Transparent() : o.background();
        if (b instanceof Background.Blur blur) {
            b = new Background.Blur(Math.max(SettingsTable.BLUR_STRENGTH.min(), blur.strength()));
        }
        SettingValues v = RvmMatteElement.SETTINGS.defaults()
                .withAll(SettingsTable.withBackground(SettingsTable.withMatting(SettingsTable.MATTING.defaults(), o.settings()), b))
                .with(RvmMatteElement.QOS, false);
        return MatteProperties.launchSyntax(RvmMatteElement.SETTINGS.settings(), v);
    }

    /** Raw frames to numbered PNGs in {@code dir}, the first one numbered {@code firstNumber}. */
    static String pngBranch(Path dir, int firstNumber) {
        return "queue ! videoconvert ! pngenc ! multifilesink index=" + firstNumber
                + " location=" + quote(dir.resolve(PNG_PATTERN)) + ' ';
    }

    /** File names of PNG outputs: the frame's number, five digits or more. */
    static final String PNG_PATTERN = "%05d.png";

    /** Raw frames to an encoded, muxed file (an alpha or foreground output, or an opaque composition). */
    static String videoBranch(Path file, double mbps) {
        VideoFormat f = VideoFormat.of(file, false, "output");
        return "queue ! " + f.encoder(mbps) + f.muxer() + " ! filesink location=" + quote(file) + ' ';
    }

    /** Decoded audio to the container's audio codec: "audioconvert ! ... ! ENCODER ! ". */
    static String audioBranch(VideoFormat container) {
        return "audioconvert ! audioresample ! " + container.audioEncoder() + " ! ";
    }

    static String extension(Path file) {
        return VideoFormat.extension(file);
    }

    static String quote(Object path) {
        return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
