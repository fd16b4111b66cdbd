package dev.rvm.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Files taken from a downloaded package and kept in the cache only when their content is exactly
 * the pinned one, so that a changed or damaged package is refused instead of silently used.
 *
 * @param directory where the files live in the cache
 * @param sha256    path inside the package -> expected sha256 (hex)
 */
public record PinnedFiles(Path directory, Map<String, String> sha256) {

    public Path file(String entry) {
        return directory.resolve(entry);
    }

    /** Whether every file is in the cache with its pinned content. */
    public boolean areCached() {
        try {
            for (Map.Entry<String, String> f : sha256.entrySet()) {
                Path p = file(f.getKey());
                if (!Files.isRegularFile(p) || !Sha.sha256Hex(p).equals(f.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Checks each unpacked file against its digest and moves it into the cache.
     *
     * @param unpacked where each entry was unpacked (null when the package lacks it)
     * @param source   the package, as error messages should name it
     */
    public void install(Function<String, Path> unpacked, String source) throws IOException {
        for (Map.Entry<String, String> f : sha256.entrySet()) {
            Path got = unpacked.apply(f.getKey());
            if (got == null || !Files.isRegularFile(got)) {
                throw new IOException(source + " has no file " + f.getKey());
            }
            String actual = Sha.sha256Hex(got);
            if (!actual.equals(f.getValue())) {
                throw new IOException(source + ": " + f.getKey() + " has sha256 " + actual + ", expected "
                        + f.getValue() + "; refusing to use it");
            }
            Path target = file(f.getKey());
            Files.createDirectories(target.getParent());
            AtomicFiles.move(got, target);
        }
    }
}
