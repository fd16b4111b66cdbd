package dev.rvm.tools.cli;

import dev.rvm.matting.SettingsTable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options named like a setting take description, default and range from the settings table. */
class SettingOptionsTest {

    @Test
    void descriptionsAndDefaultsComeFromTheTable() {
        descriptionsAndDefaultsComeFromTheTable(new CommandLine(new ConvertCommand()), "--input", "in.mp4");
    }

    @Test
    void batchTakesTheSameOptionsFromTheTable() {
        descriptionsAndDefaultsComeFromTheTable(new CommandLine(new BatchCommand()), "--input", "in", "--output", "out");
    }

    private static void descriptionsAndDefaultsComeFromTheTable(CommandLine cli, String... args) {
        cli.parseArgs(args);
        CommandLine.Model.CommandSpec spec = cli.getCommandSpec();
        assertEquals(SettingsTable.SEQ_CHUNK.defaultValue(), spec.findOption("--seq-chunk").getValue());
        assertEquals(SettingsTable.THREADS.defaultValue(), spec.findOption("--threads").getValue());
        assertEquals(SettingsTable.MODEL.defaultValue(), spec.findOption("--model").getValue());
        assertEquals(SettingsTable.DOWNSAMPLE_RATIO.zeroWord(), spec.findOption("--downsample-ratio").getValue());
        String help = spec.findOption("--seq-chunk").description()[0];
        assertTrue(help.startsWith(SettingsTable.SEQ_CHUNK.doc()), help);
        assertTrue(cli.getUsageMessage().contains("Default: 1."), cli.getUsageMessage());
    }

    @Test
    void aValueOutsideTheSettingsRangeIsRefusedNamingTheOption() {
        CliRun run = CliRun.of("convert", "--input", "in.mp4", "--seq-chunk", "0");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--seq-chunk must be a whole number in 1..64; got 0"), run.err());
        run = CliRun.of("convert", "--input", "in.mp4", "--threads", "-1");
        assertTrue(run.err().contains("--threads must be a whole number in 0..1024; got -1"), run.err());
    }
}
