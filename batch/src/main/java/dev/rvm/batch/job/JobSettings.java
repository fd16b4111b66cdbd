package dev.rvm.batch.job;

import dev.rvm.conversion.video.VideoConvertOptions;
import dev.rvm.matting.Device;
import dev.rvm.matting.MattingSettings;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Everything that decides a batch job's outputs, shipped to every executor. Its {@link #jobId()}
 * names the job's work directory, so a rerun with the same settings finds (and keeps) the pieces an
 * interrupted run committed, and a run with other settings never mixes them in.
 *
 * @param modelSha256     digest of the model's bytes (a changed model is another job)
 * @param chunkSeconds    length of the pieces long videos are cut into
 * @param warmupSeconds   frames matted before each piece, from zero memory, and dropped
 */
public record JobSettings(String model, String modelSha256, float downsampleRatio, int seqChunk, Device device,
                          BackgroundSpec background, OutputNames outputs, double chunkSeconds, double warmupSeconds)
        implements Serializable {

    public JobSettings {
        if (!(chunkSeconds > 0)) {
            throw new IllegalArgumentException("--chunk-seconds must be positive, got " + chunkSeconds);
        }
        if (!(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("--warmup-seconds must be 0 or more, got " + warmupSeconds);
        }
    }

    /** The core's settings on an executor whose tasks have {@code threads} cores each. */
    public MattingSettings matting(int threads, Device onDevice) {
        return new MattingSettings(model, downsampleRatio, seqChunk, threads, onDevice);
    }

    /** The outputs of one piece or video, written under {@code dir}. */
    public VideoConvertOptions outputsIn(Path input, Path dir) {
        OutputNames o = outputs;
        return new VideoConvertOptions(input, resolve(dir, o.composition()), resolve(dir, o.alpha()),
                resolve(dir, o.foreground()), o.pngSequence(), o.videoMbps(), background.toBackground(),
                matting(1, device));
    }

    private static Path resolve(Path dir, String name) {
        return name == null ? null : dir.resolve(name);
    }

    /** A short digest of these settings: the name of the job's work directory. */
    public String jobId() {
        String text = String.format(Locale.ROOT, "%s|%s|%s|%d|%s|%s|%s|%s|%s", model, modelSha256, Float.toString(downsampleRatio),
                seqChunk, device, background, outputs, Double.toString(chunkSeconds), Double.toString(warmupSeconds));
        return sha256(text).substring(0, 12);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
