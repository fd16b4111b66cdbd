package dev.rvm.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("0001.png");
        AtomicFiles.write(target, new byte[]{1, 2});
        AtomicFiles.write(target, new byte[]{3, 4, 5});
        assertArrayEquals(new byte[]{3, 4, 5}, Files.readAllBytes(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
        assertTrue(Files.getPosixFilePermissions(target).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                || !Files.getPosixFilePermissions(dir).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                "outputs get the usual umask mode, not a private temp-file mode");
    }

    @Test
    void recognisesTheTemporarySiblingsOfATargetOnly() {
        String sibling = AtomicFiles.temporarySibling(dir.resolve("comp.mp4")).getFileName().toString();
        assertTrue(AtomicFiles.isTemporaryOf(sibling, "comp.mp4"), sibling);
        assertTrue(!AtomicFiles.isTemporaryOf(sibling, "p.mp4"), "another output's staging is not this one's");
        assertTrue(!AtomicFiles.isTemporaryOf("comp.mp4", "comp.mp4"));
        assertTrue(!AtomicFiles.isTemporaryOf(AtomicFiles.TEMP_PREFIX + "x-comp.mp4", "comp.mp4"));
    }

    @Test
    void aFileWhereADirectoryIsExpectedIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(dir.resolve("frames"), "x");
        String direct = assertThrows(IllegalArgumentException.class,
                () -> AtomicFiles.ensureWritableDirectory(file, "alpha output")).getMessage();
        assertEquals("alpha output directory " + file + " is a file, not a directory; give a directory path (it is created if missing)", direct);
        String below = assertThrows(IllegalArgumentException.class,
                () -> AtomicFiles.ensureWritableDirectory(file.resolve("sub"), "alpha output")).getMessage();
        assertTrue(below.contains(file + " is a file, not a directory"), below);
    }

    @Test
    void aFailedWriteLeavesNothingThatLooksComplete() throws IOException {
        Path target = dir.resolve("sub").resolve("0001.png"); // the directory does not exist
        assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[]{1}));
        assertTrue(Files.notExists(target));
    }
}
