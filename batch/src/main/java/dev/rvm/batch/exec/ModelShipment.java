package dev.rvm.batch.exec;

import dev.rvm.batch.job.JobSettings;
import dev.rvm.matting.model.ModelLocator;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The model's files, read once on the driver and broadcast: executors need neither the model cache
 * nor the network. The whole graph always; for a built-in model also its coefficient models (the
 * network cut at the guided filter, what the fast path runs) and, for {@code --seq-chunk} N, the
 * models taking N frames per call.
 *
 * @param sequence             the whole graph for N frames per call, or null
 * @param coefficients         the single-frame coefficient model, or null (a model given by path has none)
 * @param coefficientsSequence the coefficient model for N frames per call, or null
 */
public record ModelShipment(String name, int seqChunk, Part frame, Part sequence, Part coefficients,
                            Part coefficientsSequence) implements Serializable {

    /** One ONNX file's bytes and their SHA-256 (which names the session and the file on executors). */
    public record Part(byte[] bytes, String sha256) implements Serializable {
        static Part read(Path file) throws IOException {
            if (file == null) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            return new Part(bytes, ModelShipment.sha256(bytes));
        }
    }

    /** Resolves the model as the core would (a built-in name is fetched and converted on first use). */
    public static ModelShipment of(String model, int seqChunk) throws IOException {
        boolean chunked = seqChunk > 1;
        return new ModelShipment(model, seqChunk, Part.read(ModelLocator.locate(model)),
                chunked ? Part.read(ModelLocator.locateSequence(model, seqChunk)) : null,
                Part.read(ModelLocator.locateCoefficients(model, 1)),
                chunked ? Part.read(ModelLocator.locateCoefficients(model, seqChunk)) : null);
    }

    /** The coefficient model for {@code frames} frames per call, or null. */
    public Part coefficients(int frames) {
        return frames > 1 ? (frames == seqChunk ? coefficientsSequence : null) : coefficients;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the job's identity depends on: every file shipped. */
    public String digest() {
        return JobSettings.sha256(Stream.of(frame, sequence, coefficients, coefficientsSequence).filter(Objects::nonNull)
                .map(Part::sha256).collect(Collectors.joining()));
    }
}
