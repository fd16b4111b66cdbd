package dev.rvm.evaluation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A self-contained HTML page (inline CSS and SVG, nothing fetched): the summary tables, then per
 * clip one small line chart per metric over the frames, with the clip mean dashed and the worst
 * frame marked, so that a bad stretch of a clip is seen at a glance.
 */
public final class HtmlReport {

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
                .append(LineChart.STYLE)
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
        LineChart.render(html, metric.columnName(), metric.columnName() + " of " + clip.clip().label() + " per frame",
                clip.values(metric), clip.clip().frames(), "frame 1", "frame " + clip.frames(), clip.mean(metric));
    }

    private static String escape(String text) {
        return LineChart.escape(text);
    }
}
