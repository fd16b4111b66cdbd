package dev.rvm.evaluation;

import dev.rvm.models.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes reports through a temporary sibling file, so that a failed write leaves no half-written report. */
final class ReportFiles {
    private ReportFiles() {
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new IOException("cannot write " + file + ": directory " + dir + " does not exist");
        }
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
