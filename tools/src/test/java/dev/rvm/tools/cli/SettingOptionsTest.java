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
        ConvertCommand convert = new ConvertCommand();
        CommandLine cli = new CommandLine(convert);
        cli.parseArgs("--input", "in.mp4");
        assertEquals(SettingsTable.SEQ_CHUNK.defaultValue(), convert.seqChunk);
        assertEquals(SettingsTable.THREADS.defaultValue(), convert.threads);
        assertEquals(SettingsTable.MODEL.defaultValue(), convert.model);
        assertEquals(SettingsTable.DOWNSAMPLE_RATIO.zeroWord(), convert.ratio);
        String help = cli.getCommandSpec().findOption("--seq-chunk").description()[0];
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
