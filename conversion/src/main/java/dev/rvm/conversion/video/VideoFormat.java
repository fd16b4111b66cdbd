package dev.rvm.conversion.video;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a video output is encoded, chosen by the file's extension: H.264 4:2:0 in mp4/mov/mkv/avi, VP9
 * 4:2:0 in webm; a transparent composition is lossless FFV1 with alpha in .mkv (what ffmpeg and OBS
 * read) or ProRes 4444 with alpha in .mov (what editors import). Encoders are given 4:2:0 explicitly
 * because from RGB they would pick 4:4:4 (High 4:4:4 / VP9 profile 3), which players and services
 * refuse. (GStreamer 1.22's qtmux takes no QuickTime Animation.)
 */
record VideoFormat(String extension, boolean transparent) {

    VideoFormat {
        muxer(extension); // refuses an unknown extension
    }

    /** The format of a file output; {@code transparent} keeps the alpha channel (composition only). */
    static VideoFormat of(Path file, boolean transparent, String option) {
        String ext = extension(file);
        if (transparent && !ext.equals("mkv") && !ext.equals("mov")) {
            throw new IllegalArgumentException(option + " " + file + ": a transparent composition needs a .mkv file "
                    + "(lossless FFV1 with alpha, which ffmpeg and OBS read), a .mov file (ProRes 4444 with alpha, which "
                    + "editors import) or --output-type png_sequence; GStreamer has no VP9- or H.264-with-alpha encoder. "
                    + "Or give --background");
        }
        return new VideoFormat(ext, transparent);
    }

    /** Raw video in, encoded video out: "videoconvert ! ... ! ENCODER ! ". */
    String encoder(double mbps) {
        if (transparent) {
            return extension.equals("mkv") ? "videoconvert ! video/x-raw,format=A420 ! avenc_ffv1 ! "
                    : "videoconvert ! video/x-raw,format=A444_10LE ! avenc_prores_ks profile=4444 ! ";
        }
        int kbps = (int) Math.round(mbps * 1000);
        if (extension.equals("webm")) {
            return "videoconvert ! video/x-raw,format=I420 ! vp9enc target-bitrate=" + kbps * 1000 + " deadline=1 cpu-used=8 ! ";
        }
        // no B-frames: with them GStreamer 1.22's mp4mux writes an edit list that hides the last frame
        return "videoconvert ! video/x-raw,format=I420 ! x264enc bitrate=" + kbps + " speed-preset=faster bframes=0 ! ";
    }

    String muxer() {
        return muxer(extension);
    }

    /**
     * Whether encoded pieces can be joined without re-encoding. H.264 and VP9 can; ProRes does not remux
     * in GStreamer 1.22 (qtdemux to qtmux fails), so transparent pieces are decoded and encoded once more,
     * which lossless FFV1 takes without any loss and intra-only ProRes 4444 without visible loss.
     */
    boolean joinsWithoutReencoding() {
        return !transparent;
    }

    /** What goes between joined encoded pieces and the muxer. */
    String parser() {
        return extension.equals("webm") ? "" : "h264parse ! ";
    }

    /** The audio encoder for this container. */
    String audioEncoder() {
        return extension.equals("webm") || extension.equals("mkv") ? "opusenc" : "avenc_aac";
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
}
