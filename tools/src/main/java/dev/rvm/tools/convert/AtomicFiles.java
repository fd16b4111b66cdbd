package dev.rvm.tools.convert;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that it either exists complete or not at all: bytes go to a hidden temporary
 * name in the same directory, which is then renamed over the target.
 */
public final class AtomicFiles {

    /** Prefix of temporary names; never a name an output frame can have. */
    public static final String TEMP_PREFIX = ".rvm-partial-";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] data) throws IOException {
        // not createTempFile: its 0600 mode would stick to the renamed output; this one follows the umask
        Path tmp = target.toAbsolutePath().resolveSibling(TEMP_PREFIX + target.getFileName() + "-"
                + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            Files.write(tmp, data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The JDK's message alone ("No space left on device") names neither the file nor the way out.
            String reason = String.valueOf(e.getMessage());
            throw new IOException("cannot write " + target + ": " + (reason.contains("No space left")
                    ? "the disk is full; free space there or choose another output directory"
                    : reason), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates the directory if needed and proves a file can be created in it. */
    public static void ensureWritableDirectory(Path dir, String what) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, TEMP_PREFIX, ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(what + " directory " + dir + " cannot be written (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); choose a writable directory", e);
        }
    }
}
