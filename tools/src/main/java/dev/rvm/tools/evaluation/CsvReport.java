package dev.rvm.tools.evaluation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * One row per clip with every metric's clip mean; the columns are always all metrics so that CSVs
 * of different runs line up, and a metric that was not requested is left empty.
 */
public final class CsvReport {
    public static final String HEADER = "dataset,clip,frames,pha_mad,pha_mse,pha_grad,pha_conn,pha_dtssd,fgr_mad,fgr_mse";

    private CsvReport() {
    }

    /** Writes to a temporary file next to {@code file} and moves it in place: never a half-written report. */
    public static void write(EvaluationResult result, Path file) throws IOException {
        Path temp = ReportFiles.temporarySibling(file);
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            for (ClipScores clip : result.clips()) {
                StringBuilder row = new StringBuilder()
                        .append(quote(clip.clip().dataset())).append(',')
                        .append(quote(clip.clip().name())).append(',')
                        .append(clip.frames());
                for (Metric metric : Metric.values()) {
                    row.append(',');
                    if (clip.has(metric) && !Double.isNaN(clip.mean(metric))) {
                        row.append(String.format(Locale.ROOT, "%.6f", clip.mean(metric)));
                    }
                }
                out.write(row.append('\n').toString());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
