package dev.rvm.tools.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad arguments to ./rvm panel fail with one line naming the thing, before any window opens. */
class PanelCommandTest {

    @TempDir
    Path dir;

    @Test
    void aMissingInputIsNamed() {
        CliRun run = CliRun.of("panel", "--input", dir.resolve("holiday.mp4").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("rvm panel: input " + dir.resolve("holiday.mp4") + " does not exist"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aBrokenPresetIsNamedWithItsField() throws Exception {
        Path preset = dir.resolve("look.json");
        Files.writeString(preset, "{\"background\": {\"kind\": \"sky\"}}");
        CliRun run = CliRun.of("panel", "--preset", preset.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(preset.toString()) && run.err().contains("\"kind\" is \"sky\""), run.err());
    }
}
