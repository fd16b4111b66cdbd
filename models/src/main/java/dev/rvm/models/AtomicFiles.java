package dev.rvm.models;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Writes a file so that it either exists complete or not at all: the bytes go to a hidden sibling
 * (same directory, same extension, so encoders that pick a format by name still work), which is
 * then renamed over the target. Every writer of user-visible or cached files goes through here.
 */
public final class AtomicFiles {

    /** Prefix of temporary names; never a name an output can have. */
    public static final String TEMP_PREFIX = ".rvm-partial-";

    private static final SecureRandom RANDOM = new SecureRandom();

    @FunctionalInterface
    public interface Writer {
        /** Writes the whole content to {@code file}. */
        void write(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] data) throws IOException {
        write(target, tmp -> Files.write(tmp, data));
    }

    public static void write(Path target, Writer writer) throws IOException {
        // not createTempFile: its 0600 mode would stick to the renamed output; this name follows the umask
        Path tmp = temporarySibling(target);
        try {
            writer.write(tmp);
            move(tmp, target);
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Like {@link #write(Path, Writer)}, but never replaces a file that exists: for shared caches whose
     * entries other processes may hold open or be creating at the same moment. If the target appears
     * meanwhile, that copy is kept and this one dropped (both hold the same content by construction).
     */
    public static void writeNew(Path target, Writer writer) throws IOException {
        Path tmp = temporarySibling(target);
        try {
            writer.write(tmp);
            try {
                Files.createLink(target, tmp); // atomic, and fails rather than replace
            } catch (FileAlreadyExistsException e) {
                // another process published it first
            } catch (UnsupportedOperationException | IOException e) {
                if (!Files.exists(target)) {
                    move(tmp, target); // no hard links on this file system
                }
            }
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static IOException failure(Path target, IOException e) {
        // The JDK's message alone ("No space left on device") names neither the file nor the way out.
        String reason = String.valueOf(e.getMessage());
        return new IOException("cannot write " + target + ": " + (reason.contains("No space left")
                ? "the disk is full; free space there or choose another output directory"
                : reason), e);
    }

    /** A hidden, unused name beside {@code target} that keeps its file name (and so its extension). */
    public static Path temporarySibling(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling(TEMP_PREFIX + Long.toHexString(RANDOM.nextLong()) + "-" + absolute.getFileName());
    }

    /**
     * Whether a directory entry named {@code name} is a temporary sibling that {@link #temporarySibling}
     * made for a target named {@code targetName}: what a run that died (power cut, SIGKILL) left behind.
     */
    public static boolean isTemporaryOf(String name, String targetName) {
        if (!name.startsWith(TEMP_PREFIX) || !name.endsWith("-" + targetName)) {
            return false;
        }
        String random = name.substring(TEMP_PREFIX.length(), name.length() - targetName.length() - 1);
        return random.matches("[0-9a-f]{1,16}");
    }

    /** Renames atomically where the file system can, else replaces plainly. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Creates the directory if needed and proves a file can be created in it. */
    public static void ensureWritableDirectory(Path dir, String what) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException(what + " directory " + dir + (p.equals(dir.toAbsolutePath()) ? " is a file"
                        : ": " + p + " is a file") + ", not a directory; give a directory path (it is created if missing)");
            }
        }
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
