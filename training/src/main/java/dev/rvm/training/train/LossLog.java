package dev.rvm.training.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file with one row per step (or per validation), appended and flushed as the run goes,
 * so that it is complete up to the last finished step even when the run is stopped. Resuming
 * drops the rows after the checkpoint: they are made again, identically.
 */
final class LossLog implements AutoCloseable {
    private final Path file;
    private final List<String> header;
    private final BufferedWriter out;

    LossLog(Path file, List<String> header, long keepBeforeStep) throws IOException {
        this.file = file;
        this.header = List.copyOf(header);
        List<String> kept = new ArrayList<>();
        kept.add(String.join(",", header));
        if (keepBeforeStep > 0 && Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                if (!line.isBlank() && Long.parseLong(line.substring(0, line.indexOf(','))) < keepBeforeStep) {
                    kept.add(line);
                }
            }
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    void append(long step, double... values) throws IOException {
        StringBuilder s = new StringBuilder(Long.toString(step));
        for (double v : values) {
            s.append(',');
            if (!Double.isNaN(v)) {
                s.append(String.format(Locale.ROOT, "%.6g", v));
            }
        }
        out.write(s.toString());
        out.newLine();
        out.flush();
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    /** Every row of a log: column -> values, step order (empty cells are NaN). */
    static List<double[]> read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            double[] v = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                v[i] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
            }
            rows.add(v);
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
