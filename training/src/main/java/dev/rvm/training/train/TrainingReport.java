package dev.rvm.training.train;

import dev.rvm.evaluation.LineChart;
import dev.rvm.models.AtomicFiles;
import dev.rvm.training.engine.TorchRuntime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's HTML page (self-contained, like the evaluation report and drawn with its charts): the
 * settings, one curve per loss term over the steps, and one per validation metric.
 */
final class TrainingReport {
    private TrainingReport() {
    }

    static void write(Path file, TrainingConfig c, Path losses, Path validation, double secondsPerStep) throws IOException {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>RVM training</title>\n<style>\n")
                .append(LineChart.STYLE).append("</style></head><body>\n<h1>RVM training</h1>\n");
        html.append("<table>");
        row(html, "stage", Integer.toString(c.stage().number()));
        row(html, "network", c.variant().cliName() + ", " + c.refiner().cliName() + ", from " + c.init());
        row(html, "data", c.data() + " over " + c.backgrounds()
                + (c.segmentation().isEmpty() ? "" : "; segmentation " + c.segmentation()));
        row(html, "low resolution", c.batch() + " x " + c.seqLength() + " frames at " + c.resolution());
        if (c.trainHr()) {
            row(html, "high resolution", c.batch() + " x " + c.hrSeqLength() + " frames at " + c.hrResolution()
                    + ", downsample ratio " + c.hrDownsampleRatio());
        }
        row(html, "learning rates", String.format(Locale.ROOT, "backbone %g, aspp %g, decoder %g, refiner %g",
                c.lrBackbone(), c.lrAspp(), c.lrDecoder(), c.lrRefiner()));
        row(html, "time per step", String.format(Locale.ROOT, "%.2f s with %d threads on %s", secondsPerStep,
                TorchRuntime.threads(), Machine.processor()));
        html.append("</table>\n");
        charts(html, "Training losses", losses, Trainer.LOSS_COLUMNS, 2, "step");
        if (validation != null) {
            List<String> header = new ArrayList<>(List.of("step", "epoch"));
            HeldOutSet.METRICS.forEach(m -> header.add(m.columnName()));
            charts(html, "Validation (held-out clips; MAD, MSE x1e3, Grad, Conn /1e3, dtSSD x1e2)", validation, header, 2, "step");
        }
        html.append("</body></html>\n");
        AtomicFiles.write(file, html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><td>").append(LineChart.escape(key)).append("</td><td>").append(LineChart.escape(value)).append("</td></tr>\n");
    }

    private static void charts(StringBuilder html, String title, Path csv, List<String> header, int firstValueColumn, String unit)
            throws IOException {
        List<double[]> rows = LossLog.read(csv);
        html.append("<h2>").append(LineChart.escape(title)).append("</h2>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"meta\">none</p>\n");
            return;
        }
        html.append("<div class=\"charts\">\n");
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add(unit + " " + (long) r[0]));
        for (int col = firstValueColumn; col < header.size(); col++) {
            double[] v = new double[rows.size()];
            boolean any = false;
            for (int i = 0; i < v.length; i++) {
                v[i] = col < rows.get(i).length ? rows.get(i)[col] : Double.NaN;
                any |= !Double.isNaN(v[i]);
            }
            if (!any) {
                continue;
            }
            double mean = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
            LineChart.render(html, header.get(col), header.get(col) + " per " + unit, v, names,
                    names.get(0), names.get(names.size() - 1), mean);
        }
        html.append("</div>\n");
    }
}
