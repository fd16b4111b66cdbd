package dev.rvm.tools.benchmarkset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Removal of the scratch directories the set builder and its fetchers work in. */
final class WorkDirectories {

    private WorkDirectories() {
    }

    /** Deletes a directory and everything in it; nothing happens when it does not exist. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
