package dev.rvm.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rvm.evaluation.CsvReport;
import dev.rvm.evaluation.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./rvm evaluate} end to end on PNG files: reports, and a clear one-line error for bad input. */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    private Path pred;
    private Path truth;

    /** Two clips of 3 frames, 8x6, with alpha and foreground; the prediction is off by 51 on frame 1. */
    private void writeClips() throws IOException {
        pred = dir.resolve("pred");
        truth = dir.resolve("true");
        for (String clip : List.of("0000", "0001")) {
            for (int f = 0; f < 3; f++) {
                String name = "000" + f + ".png";
                TestImages.writeFlat(truth.resolve("vm/" + clip + "/pha/" + name), 8, 6, 204);
                TestImages.writeFlat(pred.resolve("vm/" + clip + "/pha/" + name), 8, 6, f == 1 ? 153 : 204);
                int[] color = new int[8 * 6 * 3];
                java.util.Arrays.fill(color, 100);
                TestImages.writeColor(truth.resolve("vm/" + clip + "/fgr/" + name), 8, 6, color);
                TestImages.writeColor(pred.resolve("vm/" + clip + "/fgr/" + name), 8, 6, color);
            }
        }
    }

    private CliRun evaluate(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--pred-dir", pred.toString(), "--true-dir", truth.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void writesTableCsvAndHtml() throws IOException {
        writeClips();
        Path csv = dir.resolve("scores.csv");
        Path html = dir.resolve("report.html");
        CliRun run = evaluate("--workers", "2", "--csv", csv.toString(), "--html", html.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("pha_mad"), run.out());
        assertTrue(run.out().contains("(mean)"), run.out());

        List<String> lines = Files.readAllLines(csv);
        assertEquals(CsvReport.HEADER, lines.get(0));
        assertEquals(3, lines.size());
        // frame 1 is off by 51/255 = .2 everywhere: MAD (0 + 200 + 0) / 3; dtSSD (0 + 20 + 20) / 3
        String[] row = lines.get(1).split(",", -1);
        assertEquals("vm", row[0]);
        assertEquals("0000", row[1]);
        assertEquals("3", row[2]);
        assertEquals(200.0 / 3, Double.parseDouble(row[3]), 1e-3);
        assertEquals(40.0 / 3, Double.parseDouble(row[7]), 1e-3);
        assertEquals(0, Double.parseDouble(row[8]), 0);

        String page = Files.readString(html);
        assertTrue(page.contains("<svg"), "charts are inline SVG");
        assertTrue(page.contains("vm/0001"));
        assertFalse(page.contains("http://") || page.contains("https://") || page.contains("<script src"),
                "the report must not fetch anything");
    }

    /** Upstream's form (space-separated, as argparse nargs='+') and the comma-separated one mean the same. */
    @ParameterizedTest(name = "--metrics {0}")
    @ValueSource(strings = {"pha_mad pha_conn", "pha_mad,pha_conn", "pha_mad, pha_conn"})
    void metricsNotRequestedStayEmptyInTheCsv(String metrics) throws IOException {
        writeClips();
        Path csv = dir.resolve("scores.csv");
        List<String> args = new java.util.ArrayList<>(List.of("--num-workers", "2", "--metrics"));
        args.addAll(List.of(metrics.split(" ")));
        args.addAll(List.of("--csv", csv.toString()));
        CliRun run = evaluate(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("with 2 workers"), run.err());
        String[] row = Files.readAllLines(csv).get(1).split(",", -1);
        assertEquals(10, row.length);
        assertFalse(row[3].isEmpty());
        assertTrue(row[4].isEmpty(), "pha_mse was not requested");
        assertFalse(row[6].isEmpty());
        assertTrue(row[9].isEmpty(), "fgr_mse was not requested");
    }

    @Test
    void upstreamsOrderWithMetricsLast() throws IOException {
        writeClips();
        CliRun run = CliRun.of("evaluate", "--pred-dir", pred.toString(), "--true-dir", truth.toString(),
                "--num-workers", "1", "--metrics", "pha_mad", "pha_mse", "pha_grad");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("pha_grad") && !run.out().contains("pha_conn"), run.out());
    }

    @Test
    void aMissingDirectoryIsReportedAsMissing() throws IOException {
        writeClips();
        Path nowhere = dir.resolve("nowhere");
        CliRun run = CliRun.of("evaluate", "--pred-dir", nowhere.toString(), "--true-dir", truth.toString());
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("--pred-dir " + nowhere + " does not exist"), run.err());
        Path file = Files.writeString(dir.resolve("file"), "x");
        run = CliRun.of("evaluate", "--pred-dir", pred.toString(), "--true-dir", file.toString());
        assertTrue(run.err().contains("--true-dir " + file + " is a file, not a directory"), run.err());
    }

    @Test
    void missingPredictionFrameIsNamed() throws IOException {
        writeClips();
        Path missing = pred.resolve("vm/0001/pha/0002.png");
        Files.delete(missing);
        CliRun run = evaluate();
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("missing prediction frame " + missing), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line, no stack trace: " + run.err());
    }

    @Test
    void sizeMismatchIsNamed() throws IOException {
        writeClips();
        Path wrong = pred.resolve("vm/0000/pha/0001.png");
        TestImages.writeFlat(wrong, 4, 3, 0);
        Path csv = dir.resolve("scores.csv");
        CliRun run = evaluate("--csv", csv.toString());
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("size mismatch: prediction " + wrong + " is 4x3"), run.err());
        assertTrue(run.err().contains("is 8x6"), run.err());
        assertFalse(Files.exists(csv), "no report from a failed run");
    }

    @Test
    void emptyGroundTruthDirectoryIsNamed() throws IOException {
        pred = Files.createDirectories(dir.resolve("pred"));
        truth = Files.createDirectories(dir.resolve("true"));
        CliRun run = evaluate();
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("no clips found under " + truth), run.err());
    }

    @Test
    void clipWithoutFramesIsNamed() throws IOException {
        writeClips();
        Path empty = Files.createDirectories(truth.resolve("vm/0002/pha"));
        CliRun run = evaluate();
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("no frames in " + empty), run.err());
    }

    @Test
    void reportInAMissingDirectoryFailsBeforeEvaluating() throws IOException {
        writeClips();
        Path csv = dir.resolve("no/such/dir/scores.csv");
        CliRun run = evaluate("--csv", csv.toString());
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("--csv " + csv + ": directory " + csv.getParent() + " does not exist"), run.err());
        assertFalse(run.out().contains("pha_mad"), "no evaluation ran");
    }

    @Test
    void unknownMetricIsNamed() throws IOException {
        writeClips();
        CliRun run = evaluate("--metrics", "pha_sad");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("unknown metric 'pha_sad'"), run.err());
    }

    @Test
    void undecodableImageIsNamed() throws IOException {
        writeClips();
        Path broken = pred.resolve("vm/0000/pha/0000.png");
        Files.writeString(broken, "not a png");
        CliRun run = evaluate("--metrics", "pha_mad");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("cannot decode image " + broken), run.err());
    }
}
