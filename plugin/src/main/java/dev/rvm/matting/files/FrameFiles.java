package dev.rvm.matting.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The one rule for which files of a directory are frames, shared by conversion, compositing and evaluation. */
public final class FrameFiles {
    private FrameFiles() {
    }

    /** Whether a directory entry is a frame image (by extension). */
    public static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    /**
     * Null when {@code dir} is a directory, else what it is instead, for a message such as
     * {@code "--fgr-dir x " + problem}: "does not exist" or "is a file, not a directory".
     */
    public static String directoryProblem(Path dir) {
        if (Files.isDirectory(dir)) {
            return null;
        }
        return Files.exists(dir) ? "is a file, not a directory" : "does not exist";
    }

    /** The PNG/JPEG files of a directory, sorted by name (frame order). */
    public static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).filter(FrameFiles::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
