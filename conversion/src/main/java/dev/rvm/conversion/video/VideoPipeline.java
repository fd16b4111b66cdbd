package dev.rvm.conversion.video;

import dev.rvm.gst.MatteProperties;
import dev.rvm.gst.RvmMatteElement;
import dev.rvm.matting.Background;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.SettingValues;

import java.nio.file.Path;
import java.util.Locale;

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
        boolean audioToComposition = false;
        if (o.composition() != null) {
            p.append("m.src ! ");
            if (o.pngSequence()) {
                p.append(pngBranch(o.composition()));
            } else {
                String ext = extension(o.composition());
                boolean transparent = o.background() == null;
                if (transparent && !ext.equals("mkv")) {
                    throw new IllegalArgumentException("--output-composition " + o.composition() + ": a transparent "
                            + "composition needs a .mkv file (lossless FFV1 with alpha, which ffmpeg and OBS read) or "
                            + "--output-type png_sequence; GStreamer has no VP9- or H.264-with-alpha encoder, and its MP4/MOV "
                            + "muxers take no codec with alpha. Or give --background");
                }
                p.append(transparent ? "queue ! videoconvert ! video/x-raw,format=A420 ! avenc_ffv1 ! " : "queue ! " + encoder(ext, o.videoMbps()));
                p.append(muxer(ext)).append(" name=cmux ! filesink location=").append(quote(o.composition())).append(' ');
                audioToComposition = inputHasAudio;
            }
        }
        if (o.alpha() != null) {
            p.append("m.alpha ! ").append(o.pngSequence() ? pngBranch(o.alpha()) : videoBranch(o.alpha(), o.videoMbps()));
        }
        if (o.foreground() != null) {
            p.append("m.fgr ! ").append(o.pngSequence() ? pngBranch(o.foreground()) : videoBranch(o.foreground(), o.videoMbps()));
        }
        if (audioToComposition) {
            String ext = extension(o.composition());
            String audioEncoder = ext.equals("webm") || ext.equals("mkv") ? "opusenc" : "avenc_aac";
            p.append("d. ! queue ! audioconvert ! audioresample ! ").append(audioEncoder).append(" ! cmux. ");
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

    private static String pngBranch(Path dir) {
        return "queue ! videoconvert ! pngenc ! multifilesink location=" + quote(dir.resolve("%05d.png")) + ' ';
    }

    private static String videoBranch(Path file, double mbps) {
        String ext = extension(file);
        return "queue ! " + encoder(ext, mbps) + muxer(ext) + " ! filesink location=" + quote(file) + ' ';
    }

    private static String encoder(String ext, double mbps) {
        int kbps = (int) Math.round(mbps * 1000);
        if (ext.equals("webm")) {
            return "videoconvert ! vp9enc target-bitrate=" + kbps * 1000 + " deadline=1 cpu-used=8 ! ";
        }
        return "videoconvert ! video/x-raw,format=I420 ! x264enc bitrate=" + kbps + " speed-preset=faster ! ";
    }

    private static String muxer(String ext) {
        return switch (ext) {
            case "mp4" -> "mp4mux";
            case "mov" -> "qtmux";
            case "mkv" -> "matroskamux";
            case "webm" -> "webmmux";
            case "avi" -> "avimux";
            default -> throw new IllegalArgumentException("video outputs must end in .mp4, .mov, .mkv, .webm or .avi; got ." + ext);
        };
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String quote(Object path) {
        return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
