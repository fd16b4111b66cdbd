package dev.rvm.conversion.video;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StagedOutputsTest {
    @TempDir
    Path dir;

    @Test
    void messagesNameTheUsersPathsNotTheStagingOnes() throws IOException {
        Path given = Path.of("out", "comp.mp4");
        try (StagedOutputs staged = new StagedOutputs(false)) {
            Path stage = staged.stage(given);
            String gstreamer = "filesink: Could not open file \"" + stage + "\" for writing.";
            assertEquals("filesink: Could not open file \"" + given + "\" for writing.", staged.inUserTerms(gstreamer));
        }
    }

    @Test
    void aDiscardedRunRemovesItsFramesAndCannotCommit() throws IOException {
        Path frames = dir.resolve("alpha");
        StagedOutputs staged = new StagedOutputs(true);
        Path stage = staged.stage(frames);
        Files.writeString(stage.resolve("00001.png"), "x");
        staged.discard();
        assertTrue(Files.notExists(stage));
        assertThrows(java.io.InterruptedIOException.class, staged::commit);
        assertTrue(Files.notExists(frames));
    }
}
