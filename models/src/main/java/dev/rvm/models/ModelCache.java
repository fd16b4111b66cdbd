package dev.rvm.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
