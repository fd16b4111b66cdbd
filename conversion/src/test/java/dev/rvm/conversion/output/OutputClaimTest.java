package dev.rvm.conversion.output;

import dev.rvm.models.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputClaimTest {
    @TempDir
    Path dir;

    private List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSecondClaimOfOneOutputIsRefusedUntilTheFirstEnds() throws IOException {
        Path out = dir.resolve("comp.mp4");
        try (OutputClaim first = OutputClaim.claim(List.of(out))) {
            assertTrue(Files.exists(OutputClaim.lockFileOf(out)));
            OutputBusyException busy = assertThrows(OutputBusyException.class, () -> OutputClaim.claim(List.of(out)));
            assertTrue(busy.getMessage().contains("output " + out + " is being written by another conversion (process "
                    + ProcessHandle.current().pid()), busy.getMessage());
            // another output in the same directory is free: batch jobs write many files side by side
            OutputClaim.claim(List.of(dir.resolve("pha.mp4"))).close();
        }
        assertEquals(List.of(), names(dir), "the lock file goes with the claim");
        OutputClaim.claim(List.of(out)).close();
    }

    @Test
    void aRefusedClaimHoldsNothing() throws IOException {
        Path busy = dir.resolve("b.mp4");
        Path free = dir.resolve("a.mp4");
        try (OutputClaim holder = OutputClaim.claim(List.of(busy))) {
            assertThrows(OutputBusyException.class, () -> OutputClaim.claim(List.of(free, busy)));
            OutputClaim.claim(List.of(free)).close();
        }
    }

    @Test
    void oneOutputNamedTwiceIsRefused() {
        Path out = dir.resolve("x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputClaim.claim(List.of(out, dir.resolve("./x"))));
        assertTrue(e.getMessage().contains("two outputs are the same path"), e.getMessage());
    }

    @Test
    void removesWhatADeadRunOfTheSameOutputsLeft() throws IOException {
        Path frames = Files.createDirectories(dir.resolve("alpha"));
        Files.writeString(frames.resolve("00001.png"), "a finished frame");
        Path halfWritten = Files.writeString(frames.resolve(AtomicFiles.TEMP_PREFIX + "1f2e-00002.png"), "half");
        Path stagedDir = Files.createDirectories(AtomicFiles.temporarySibling(frames));
        Files.writeString(stagedDir.resolve("00001.png"), "staged");
        Path stagedFile = Files.writeString(AtomicFiles.temporarySibling(dir.resolve("comp.mp4")), "staged video");
        Path someoneElses = Files.writeString(AtomicFiles.temporarySibling(dir.resolve("other.mp4")), "not ours");
        try (OutputClaim claim = OutputClaim.claim(List.of(frames, dir.resolve("comp.mp4")))) {
            assertTrue(Files.notExists(halfWritten) && Files.notExists(stagedDir) && Files.notExists(stagedFile));
            assertTrue(Files.exists(frames.resolve("00001.png")), "finished frames stay");
            assertTrue(Files.exists(someoneElses), "staging of an output this run did not claim stays");
        }
    }
}
