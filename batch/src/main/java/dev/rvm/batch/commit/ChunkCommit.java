package dev.rvm.batch.commit;

import dev.rvm.batch.plan.ChunkSpec;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The commit protocol of one piece: an attempt writes everything into its own directory, then renames
 * that directory to {@code committed}. A rename onto an existing, non-empty directory fails, so the
 * first attempt to commit wins and later ones (a speculative copy, a retry after a lost executor) are
 * thrown away; readers only ever see a complete piece.
 */
public final class ChunkCommit {

    private ChunkCommit() {
    }

    /** The committed receipt of a piece, or null when the piece is not committed (for these settings and this input). */
    public static ChunkReceipt committed(JobLayout layout, ChunkSpec c) {
        ChunkReceipt r = Json.readOrNull(layout.committed(c).resolve(ChunkReceipt.FILE), ChunkReceipt.class);
        return r != null && r.videoKey().equals(c.videoKey()) && r.first() == c.first() && r.end() == c.end()
                && r.frames() == c.frames() ? r : null;
    }

    /**
     * Renames a complete attempt into place.
     *
     * @return true if this attempt is the committed one, false if another had committed first
     */
    public static boolean commit(Path attempt, Path committed) throws IOException {
        try {
            Files.move(attempt, committed, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the output directory's file system cannot rename " + attempt + " atomically; batch"
                    + " needs a POSIX file system (local, NFS, CephFS, Lustre) for its commit protocol", e);
        } catch (IOException e) {
            // rename(2) onto a non-empty directory fails with ENOTEMPTY or EEXIST: another attempt was first
            if (Files.isRegularFile(committed.resolve(ChunkReceipt.FILE))) {
                delete(attempt);
                return false;
            }
            throw e;
        }
    }

    /** Removes a directory tree (an abandoned attempt, a finished video's work). */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
