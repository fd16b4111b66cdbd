package dev.rvm.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The per-user cache for downloaded packages and converted models:
 * {@code $RVM_CACHE_DIR}, else {@code $XDG_CACHE_HOME/rvm-matting}, else {@code ~/.cache/rvm-matting}.
 */
public final class ModelCache {

    private ModelCache() {
    }

    public static Path directory() {
        String explicit = System.getProperty("rvm.cache.dir", System.getenv("RVM_CACHE_DIR"));
        Path dir;
        if (explicit != null && !explicit.isBlank()) {
            dir = Path.of(explicit);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            dir = base.resolve("rvm-matting");
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cache directory " + dir
                    + " (" + e.getMessage() + "); set RVM_CACHE_DIR to a writable directory", e);
        }
    }

    /**
     * Writes a file so that readers never see a half-written one: the bytes go to a temporary file
     * beside the target, which is then renamed over it.
     */
    public static void writeAtomically(Path target, IoWriter writer) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".part");
        try {
            writer.write(tmp);
            makeReadableByAll(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files are private; a finished cache entry or output file is not. */
    private static void makeReadableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    @FunctionalInterface
    public interface IoWriter {
        void write(Path file) throws IOException;
    }
}
