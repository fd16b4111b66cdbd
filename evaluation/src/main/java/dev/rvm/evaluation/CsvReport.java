package dev.rvm.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One row per clip with every metric's clip mean; the columns are always all metrics so that CSVs
 * of different runs line up, and a metric that was not requested is left empty.
 */
public final class CsvReport {
    public static final String HEADER = "dataset,clip,frames,pha_mad,pha_mse,pha_grad,pha_conn,pha_dtssd,fgr_mad,fgr_mse";

    private CsvReport() {
    }

    /** Writes the report; on failure nothing (not half a file) is left at {@code file}. */
    public static void write(EvaluationResult result, Path file) throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ClipScores clip : result.clips()) {
            out.append(quote(clip.clip().dataset())).append(',')
                    .append(quote(clip.clip().name())).append(',')
                    .append(clip.frames());
            for (Metric metric : Metric.values()) {
                out.append(',');
                if (clip.has(metric) && !Double.isNaN(clip.mean(metric))) {
                    out.append(String.format(Locale.ROOT, "%.6f", clip.mean(metric)));
                }
            }
            out.append('\n');
        }
        ReportFiles.writeAtomically(file, out.toString());
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
