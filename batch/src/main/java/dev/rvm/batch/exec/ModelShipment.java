package dev.rvm.batch.exec;

import dev.rvm.batch.job.JobSettings;
import dev.rvm.matting.model.ModelLocator;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The model's bytes, read once on the driver and broadcast: executors need neither the model cache
 * nor the network. Carries the sequence model too when {@code --seq-chunk} has one.
 */
public record ModelShipment(String name, byte[] frameModel, String frameSha256, byte[] sequenceModel,
                            String sequenceSha256) implements Serializable {

    /** Resolves the model as the core would (a built-in name is fetched and converted on first use). */
    public static ModelShipment of(String model, int seqChunk) throws IOException {
        byte[] frame = Files.readAllBytes(ModelLocator.locate(model));
        Path seq = seqChunk > 1 ? ModelLocator.locateSequence(model, seqChunk) : null;
        byte[] sequence = seq == null ? null : Files.readAllBytes(seq);
        return new ModelShipment(model, frame, sha256(frame), sequence, sequence == null ? null : sha256(sequence));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the job's identity depends on. */
    public String digest() {
        return sequenceSha256 == null ? frameSha256 : JobSettings.sha256(frameSha256 + sequenceSha256);
    }
}
