package dev.rvm.conversion.output;

import dev.rvm.models.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outputs one conversion writes, claimed for the length of the run. Each output (a video file or a
 * frame directory) gets a lock file beside it, {@code .rvm-lock-NAME}, so a second run into the same
 * output is refused instead of mixing its frames with the first's; the lock goes with the process that
 * holds it, however that process ends. Once an output is claimed, what an earlier run of it left when it
 * died (staging names beside it, half-written frames inside it) is removed: nothing else can own them.
 */
public final class OutputClaim implements AutoCloseable {

    /** Prefix of the lock files beside claimed outputs. */
    public static final String LOCK_PREFIX = ".rvm-lock-";

    private final List<Flock> locks;
    private final List<Path> outputs;

    private OutputClaim(List<Flock> locks, List<Path> outputs) {
        this.locks = locks;
        this.outputs = outputs;
    }

    /**
     * Claims every output (nulls are skipped), creating their parent directories, and clears the staging
     * an interrupted run of them left.
     *
     * @throws OutputBusyException when another run holds one of them (nothing is claimed then)
     */
    public static OutputClaim claim(List<Path> outputs) throws IOException {
        List<Flock> locks = new ArrayList<>();
        List<Path> claimed = new ArrayList<>();
        try {
            for (Path output : outputs) {
                if (output == null) {
                    continue;
                }
                Path absolute = output.toAbsolutePath().normalize();
                if (claimed.contains(absolute)) {
                    throw new IllegalArgumentException("two outputs are the same path " + output + "; give each its own");
                }
                Path lockFile = lockFileOf(absolute);
                Files.createDirectories(lockFile.getParent());
                Flock lock = Flock.tryLock(lockFile);
                if (lock == null) {
                    throw new OutputBusyException("output " + output + " is being written by another conversion ("
                            + Flock.owner(lockFile) + ", lock " + lockFile + "); wait for it to end or choose another output");
                }
                locks.add(lock);
                claimed.add(absolute);
            }
            for (Path output : claimed) {
                removeLeftovers(output);
            }
            return new OutputClaim(locks, claimed);
        } catch (IOException | RuntimeException e) {
            release(locks);
            throw e;
        }
    }

    /** The lock file of an output: a hidden sibling. */
    public static Path lockFileOf(Path output) {
        Path absolute = output.toAbsolutePath().normalize();
        return absolute.resolveSibling(LOCK_PREFIX + absolute.getFileName());
    }

    /** Removes the temporary files in the claimed frame directories (an interrupted run's partial frames). */
    public void removePartialFrames() throws IOException {
        for (Path output : outputs) {
            removePartialFramesIn(output);
        }
    }

    /** Releases the claims; idempotent, and safe from a shutdown hook while the run's thread goes on. */
    @Override
    public synchronized void close() throws IOException {
        release(locks);
        locks.clear();
    }

    private static void release(List<Flock> locks) throws IOException {
        IOException first = null;
        for (Flock lock : locks) {
            try {
                lock.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void removeLeftovers(Path output) throws IOException {
        String name = output.getFileName().toString();
        try (Stream<Path> siblings = Files.list(output.getParent())) {
            for (Path sibling : siblings.filter(p -> AtomicFiles.isTemporaryOf(p.getFileName().toString(), name)).toList()) {
                deleteTree(sibling);
            }
        }
        removePartialFramesIn(output);
    }

    private static void removePartialFramesIn(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            return;
        }
        try (Stream<Path> entries = Files.list(output)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).toList()) {
                deleteTree(entry);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
