package dev.rvm.tools.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where reports are staged so that a failed write leaves no half-written file behind. */
final class ReportFiles {
    private ReportFiles() {
    }

    static Path temporarySibling(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new IOException("cannot write " + file + ": directory " + dir + " does not exist");
        }
        return Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    }
}
