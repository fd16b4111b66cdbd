package dev.rvm.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A self-contained HTML page (inline CSS and SVG, nothing fetched): the summary tables, then per
 * clip one small line chart per metric over the frames, with the clip mean dashed and the worst
 * frame marked, so that a bad stretch of a clip is seen at a glance.
 */
public final class HtmlReport {
    private static final int CHART_WIDTH = 360;
    private static final int CHART_HEIGHT = 150;
    private static final int LEFT = 52;
    private static final int RIGHT = 10;
    private static final int TOP = 22;
    private static final int BOTTOM = 22;
    /** Per-point hover titles beyond this many frames would bloat the page for little use. */
    private static final int MAX_POINT_TITLES = 400;

    private HtmlReport() {
    }

    /** Writes the page; on failure nothing (not half a file) is left at {@code file}. */
    public static void write(EvaluationResult result, EvaluationSettings settings, Path file) throws IOException {
        ReportFiles.writeAtomically(file, render(result, settings));
    }

    static String render(EvaluationResult result, EvaluationSettings settings) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>RVM evaluation</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;background:#fafafa}\n")
                .append("h1{margin-bottom:0.2em}h2{margin-top:2em;border-bottom:1px solid #ccc}\n")
                .append("table{border-collapse:collapse;margin:1em 0}\n")
                .append("th,td{padding:0.3em 0.8em;border-bottom:1px solid #ddd;text-align:right}\n")
                .append("th:nth-child(-n+2),td:nth-child(-n+2){text-align:left}\n")
                .append("tr.mean td{font-weight:bold;border-top:2px solid #999}\n")
                .append(".charts{display:flex;flex-wrap:wrap;gap:12px}\n")
                .append(".chart{background:#fff;border:1px solid #ddd;border-radius:4px}\n")
                .append(".meta{color:#666}\n")
                .append("</style></head><body>\n<h1>RVM evaluation</h1>\n<p class=\"meta\">prediction <code>")
                .append(escape(settings.predDir().toString())).append("</code> against ground truth <code>")
                .append(escape(settings.trueDir().toString())).append("</code>. MAD and MSE x1e3, Grad and Conn /1e3, ")
                .append("dtSSD x1e2, as the RVM paper reports them; lower is better.</p>\n");
        for (String dataset : result.datasets()) {
            html.append("<h2>").append(escape(dataset)).append("</h2>\n");
            summaryTable(result, dataset, html);
            for (ClipScores clip : result.clipsOf(dataset)) {
                html.append("<h3>").append(escape(clip.clip().label())).append(" <span class=\"meta\">(")
                        .append(clip.frames()).append(" frames)</span></h3>\n<div class=\"charts\">\n");
                for (Metric metric : result.metrics()) {
                    chart(clip, metric, html);
                }
                html.append("</div>\n");
            }
        }
        return html.append("</body></html>\n").toString();
    }

    private static void summaryTable(EvaluationResult result, String dataset, StringBuilder html) {
        html.append("<table><tr><th>clip</th><th>frames</th>");
        result.metrics().forEach(m -> html.append("<th>").append(m.columnName()).append("</th>"));
        html.append("</tr>\n");
        for (ClipScores clip : result.clipsOf(dataset)) {
            html.append("<tr><td>").append(escape(clip.clip().name())).append("</td><td>").append(clip.frames()).append("</td>");
            result.metrics().forEach(m -> html.append("<td>").append(ConsoleTable.format(clip.mean(m))).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("<tr class=\"mean\"><td>mean of clips</td><td>").append(result.datasetFrames(dataset)).append("</td>");
        result.metrics().forEach(m -> html.append("<td>").append(ConsoleTable.format(result.datasetMean(dataset, m))).append("</td>"));
        html.append("</tr></table>\n");
    }

    private static void chart(ClipScores clip, Metric metric, StringBuilder html) {
        double[] values = clip.values(metric);
        int n = values.length;
        double max = 0;
        int worst = -1;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(values[i]) && values[i] > max) {
                max = values[i];
                worst = i;
            }
        }
        double top = niceCeiling(max);
        double mean = clip.mean(metric);
        double plotWidth = CHART_WIDTH - LEFT - RIGHT;
        double plotHeight = CHART_HEIGHT - TOP - BOTTOM;
        html.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                CHART_WIDTH, CHART_HEIGHT, CHART_WIDTH, CHART_HEIGHT));
        html.append("<title>").append(metric.columnName()).append(" of ").append(escape(clip.clip().label()))
                .append(" per frame, mean ").append(ConsoleTable.format(mean)).append("</title>");
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"15\" font-size=\"13\" font-weight=\"bold\">%s</text>",
                LEFT, metric.columnName()));
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"15\" font-size=\"11\" fill=\"#666\" text-anchor=\"end\">mean %s, max %s</text>",
                CHART_WIDTH - RIGHT, ConsoleTable.format(mean), ConsoleTable.format(max)));
        // axes and the y range labels
        html.append(String.format(Locale.ROOT,
                "<path d=\"M%d %d V%.1f H%d\" stroke=\"#999\" fill=\"none\"/>", LEFT, TOP, TOP + plotHeight, CHART_WIDTH - RIGHT));
        html.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>", LEFT - 4, TOP + 4, axisLabel(top)));
        html.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">0</text>", LEFT - 4, TOP + plotHeight));
        html.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"10\">frame 1</text>", LEFT, CHART_HEIGHT - 6));
        html.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">frame %d</text>", CHART_WIDTH - RIGHT, CHART_HEIGHT - 6, n));
        html.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
                LEFT, TOP + plotHeight / 2, CHART_WIDTH - RIGHT, TOP + plotHeight / 2));
        html.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                LEFT - 4, TOP + plotHeight / 2 + 4, axisLabel(top / 2)));
        if (!Double.isNaN(mean)) {
            double y = TOP + plotHeight * (1 - mean / top);
            html.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e08a00\" stroke-dasharray=\"4 3\"/>",
                    LEFT, y, CHART_WIDTH - RIGHT, y));
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            line.append(line.length() == 0 ? "M" : "L")
                    .append(String.format(Locale.ROOT, "%.1f %.1f ", x(i, n, plotWidth), y(values[i], top, plotHeight)));
        }
        html.append("<path d=\"").append(line.toString().trim()).append("\" stroke=\"#1f6fb4\" stroke-width=\"1.5\" fill=\"none\"/>");
        if (n <= MAX_POINT_TITLES) {
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(values[i])) {
                    html.append(String.format(Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"transparent\"><title>%s: %s</title></circle>",
                            x(i, n, plotWidth), y(values[i], top, plotHeight),
                            escape(clip.clip().frames().get(i)), ConsoleTable.format(values[i])));
                }
            }
        }
        if (worst >= 0) {
            html.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#c0392b\"><title>worst: %s, %s</title></circle>",
                    x(worst, n, plotWidth), y(max, top, plotHeight),
                    escape(clip.clip().frames().get(worst)), ConsoleTable.format(max)));
        }
        html.append("</svg>\n");
    }

    /** The smallest 1, 2, 2.5 or 5 x 10^k at or above the maximum: round numbers on the axis. */
    static double niceCeiling(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String axisLabel(double value) {
        return java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static double x(int frame, int frames, double plotWidth) {
        return LEFT + (frames == 1 ? plotWidth / 2 : plotWidth * frame / (frames - 1));
    }

    private static double y(double value, double top, double plotHeight) {
        return TOP + plotHeight * (1 - value / top);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
