package dev.rvm.tools.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes reports through a temporary sibling file, so that a failed write leaves no half-written report. */
final class ReportFiles {
    private ReportFiles() {
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path temp = temporarySibling(file);
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path temporarySibling(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new IOException("cannot write " + file + ": directory " + dir + " does not exist");
        }
        return Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    }
}
