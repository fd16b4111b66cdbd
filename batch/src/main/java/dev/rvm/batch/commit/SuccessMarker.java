package dev.rvm.batch.commit;

import dev.rvm.models.Sha;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code VIDEO/_SUCCESS}, written after every output of the video is in place: which job and which
 * input made them, and a SHA-256 of each output (of a PNG directory: over its file names and their
 * digests in name order), so what a consumer reads can be checked against what was written.
 */
public record SuccessMarker(String jobId, String videoKey, String input, long inputSize, long inputModifiedMillis,
                            int frames, int chunks, List<Output> outputs) {

    /** One output: a video file, or a directory of {@code files} PNGs. */
    public record Output(String name, String sha256, long bytes, int files) {
    }

    public static SuccessMarker read(Path file) {
        return Json.readOrNull(file, SuccessMarker.class);
    }

    public void write(Path file) throws IOException {
        Json.write(file, this);
    }

    /** Digest and size of an output as it is on disk now. */
    public static Output describe(Path output) throws IOException {
        String name = output.getFileName().toString();
        if (!Files.isDirectory(output)) {
            return new Output(name, Sha.sha256Hex(output), Files.size(output), 1);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(output)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        }
        MessageDigest md = sha256();
        long bytes = 0;
        for (Path f : files) {
            md.update((f.getFileName() + " " + Sha.sha256Hex(f) + "\n").getBytes(StandardCharsets.UTF_8));
            bytes += Files.size(f);
        }
        return new Output(name, HexFormat.of().formatHex(md.digest()), bytes, files.size());
    }

    /** Whether every output is still there with its recorded size (cheap: no digests). */
    public boolean present(Path videoDir) throws IOException {
        for (Output o : outputs) {
            Path p = videoDir.resolve(o.name());
            if (Files.isDirectory(p)) {
                long bytes = 0;
                int n = 0;
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.filter(Files::isRegularFile).toList()) {
                        bytes += Files.size(f);
                        n++;
                    }
                }
                if (bytes != o.bytes() || n != o.files()) {
                    return false;
                }
            } else if (!Files.isRegularFile(p) || Files.size(p) != o.bytes()) {
                return false;
            }
        }
        return true;
    }

    /** Whether every output still matches what was recorded, digests included. */
    public boolean matches(Path videoDir) throws IOException {
        for (Output o : outputs) {
            Path p = videoDir.resolve(o.name());
            if (!Files.exists(p) || !describe(p).equals(o)) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
