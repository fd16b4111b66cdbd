package dev.rvm.evaluation;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal summary: one row per clip, then each dataset's mean of clip means. */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    public static void print(EvaluationResult result, PrintWriter out) {
        List<String> header = new ArrayList<>(List.of("dataset", "clip", "frames"));
        result.metrics().forEach(m -> header.add(m.columnName()));
        List<List<String>> rows = new ArrayList<>();
        for (String dataset : result.datasets()) {
            for (ClipScores clip : result.clipsOf(dataset)) {
                List<String> row = new ArrayList<>(List.of(dataset, clip.clip().name(), String.valueOf(clip.frames())));
                result.metrics().forEach(m -> row.add(format(clip.mean(m))));
                rows.add(row);
            }
            List<String> mean = new ArrayList<>(List.of(dataset, "(mean)", String.valueOf(result.datasetFrames(dataset))));
            result.metrics().forEach(m -> mean.add(format(result.datasetMean(dataset, m))));
            rows.add(mean);
        }
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        printRow(header, widths, out);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("  ");
        }
        out.println(rule.toString().stripTrailing());
        rows.forEach(row -> printRow(row, widths, out));
        out.flush();
    }

    private static void printRow(List<String> cells, int[] widths, PrintWriter out) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            // Names left-aligned, numbers right-aligned so the decimal points line up.
            String format = c < 2 ? "%-" + widths[c] + "s  " : "%" + widths[c] + "s  ";
            line.append(String.format(Locale.ROOT, format, cells.get(c)));
        }
        out.println(line.toString().stripTrailing());
    }

    static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
