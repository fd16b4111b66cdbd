package dev.rvm.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * The reports' small SVG line chart: one value per point (a frame, a training step), the y axis
 * from 0 to a round number, the mean dashed, the largest value marked in red, hover titles per
 * point. Shared by the evaluation report and the training report, with the pages' common style.
 */
public final class LineChart {
    /** CSS of the report pages (tables, chart boxes). */
    public static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222;background:#fafafa}\n"
            + "h1{margin-bottom:0.2em}h2{margin-top:2em;border-bottom:1px solid #ccc}\n"
            + "table{border-collapse:collapse;margin:1em 0}\n"
            + "th,td{padding:0.3em 0.8em;border-bottom:1px solid #ddd;text-align:right}\n"
            + "th:nth-child(-n+2),td:nth-child(-n+2){text-align:left}\n"
            + "tr.mean td{font-weight:bold;border-top:2px solid #999}\n"
            + ".charts{display:flex;flex-wrap:wrap;gap:12px}\n"
            + ".chart{background:#fff;border:1px solid #ddd;border-radius:4px}\n"
            + ".meta{color:#666}\n";

    private static final int CHART_WIDTH = 360;
    private static final int CHART_HEIGHT = 150;
    private static final int LEFT = 52;
    private static final int RIGHT = 10;
    private static final int TOP = 22;
    private static final int BOTTOM = 22;
    /** Per-point hover titles beyond this many points would bloat the page for little use. */
    private static final int MAX_POINT_TITLES = 400;

    private LineChart() {
    }

    /**
     * Appends one chart.
     *
     * @param name       shown in bold at the top left
     * @param tooltip    the chart's SVG title
     * @param values     one per point; NaN points are skipped
     * @param pointNames one per point, for the hover titles
     * @param firstLabel under the first point ("frame 1", "step 10")
     * @param lastLabel  under the last point
     * @param mean       drawn dashed (NaN: not drawn)
     */
    public static void render(StringBuilder html, String name, String tooltip, double[] values, List<String> pointNames,
                              String firstLabel, String lastLabel, double mean) {
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
        double plotWidth = CHART_WIDTH - LEFT - RIGHT;
        double plotHeight = CHART_HEIGHT - TOP - BOTTOM;
        html.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                CHART_WIDTH, CHART_HEIGHT, CHART_WIDTH, CHART_HEIGHT));
        html.append("<title>").append(escape(tooltip)).append(", mean ").append(ConsoleTable.format(mean)).append("</title>");
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"15\" font-size=\"13\" font-weight=\"bold\">%s</text>",
                LEFT, escape(name)));
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
                "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>", LEFT, CHART_HEIGHT - 6, escape(firstLabel)));
        html.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>", CHART_WIDTH - RIGHT, CHART_HEIGHT - 6,
                escape(lastLabel)));
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
                            escape(pointNames.get(i)), ConsoleTable.format(values[i])));
                }
            }
        }
        if (worst >= 0) {
            html.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#c0392b\"><title>worst: %s, %s</title></circle>",
                    x(worst, n, plotWidth), y(max, top, plotHeight),
                    escape(pointNames.get(worst)), ConsoleTable.format(max)));
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

    private static double x(int point, int points, double plotWidth) {
        return LEFT + (points == 1 ? plotWidth / 2 : plotWidth * point / (points - 1));
    }

    private static double y(double value, double top, double plotHeight) {
        return TOP + plotHeight * (1 - value / top);
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
