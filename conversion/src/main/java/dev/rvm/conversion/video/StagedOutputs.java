package dev.rvm.conversion.video;

import dev.rvm.models.AtomicFiles;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a video conversion writes while it runs: each output gets a hidden staging name beside it
 * (a file with the same extension, or a directory of PNGs), and only a conversion that reached its
 * end moves them into place. A failed or interrupted run leaves the previous outputs untouched and
 * nothing that looks finished. Commit and discard exclude each other: an interrupt during a commit
 * waits for it.
 */
final class StagedOutputs implements AutoCloseable {

    private final Map<Path, Path> finalByStaged = new LinkedHashMap<>();
    private final Map<Path, Path> givenByStaged = new LinkedHashMap<>();
    private final boolean directories;
    private boolean committed;
    private boolean discarded;

    StagedOutputs(boolean directories) {
        this.directories = directories;
    }

    /** The staging path for an output, or null for an output not asked for. */
    synchronized Path stage(Path output) throws IOException {
        if (output == null) {
            return null;
        }
        Path absolute = output.toAbsolutePath();
        Path staged = AtomicFiles.temporarySibling(absolute);
        if (directories) {
            Files.createDirectories(staged);
        }
        finalByStaged.put(staged, absolute);
        givenByStaged.put(staged, output);
        return staged;
    }

    /** Moves every staged output into place (a PNG directory's frames join what is already there). */
    synchronized void commit() throws IOException {
        if (discarded) {
            throw new InterruptedIOException("the conversion was interrupted; its outputs were removed");
        }
        for (Map.Entry<Path, Path> e : finalByStaged.entrySet()) {
            if (directories) {
                Files.createDirectories(e.getValue());
                try (Stream<Path> frames = Files.list(e.getKey())) {
                    for (Path frame : frames.toList()) {
                        AtomicFiles.move(frame, e.getValue().resolve(frame.getFileName()));
                    }
                }
            } else {
                AtomicFiles.move(e.getKey(), e.getValue());
            }
        }
        committed = true;
    }

    /** A message about the staged paths, told with the paths the user gave instead. */
    synchronized String inUserTerms(String message) {
        String text = message;
        for (Map.Entry<Path, Path> e : givenByStaged.entrySet()) {
            text = text.replace(e.getKey().toString(), e.getValue().toString());
        }
        return text;
    }

    /** Removes everything staged and refuses a later commit (an interrupted run). */
    synchronized void discard() throws IOException {
        discarded = true;
        close();
    }

    /** Removes whatever is still staged: everything after a failure, the empty directories after a commit. */
    @Override
    public synchronized void close() throws IOException {
        List<IOException> failures = new ArrayList<>();
        for (Path staged : finalByStaged.keySet()) {
            if (!Files.exists(staged)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(staged)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty() && !committed) {
            throw failures.get(0);
        }
    }
}
