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
    void aFailedWriteLeavesNothingThatLooksComplete() throws IOException {
        Path target = dir.resolve("sub").resolve("0001.png"); // the directory does not exist
        assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[]{1}));
        assertTrue(Files.notExists(target));
    }
}
