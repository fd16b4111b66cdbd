package dev.rvm.evaluation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The metrics of the RVM evaluation, named as upstream's columns ({@code pha_mad}, ...). */
public enum Metric {
    PHA_MAD, PHA_MSE, PHA_GRAD, PHA_CONN, PHA_DTSSD, FGR_MAD, FGR_MSE;

    /** Column name used on the command line, in the CSV header and in the reports. */
    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean needsForeground() {
        return this == FGR_MAD || this == FGR_MSE;
    }

    /** Parses {@code pha_mad,pha_conn} (case-insensitive); names the unknown one and the valid ones. */
    public static Set<Metric> parseList(String list) {
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        for (String part : list.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                metrics.add(valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown metric '" + part + "'; choose from " + allNames());
            }
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metric given; choose from " + allNames());
        }
        return metrics;
    }

    public static String allNames() {
        return Arrays.stream(values()).map(Metric::columnName).collect(Collectors.joining(","));
    }
}
