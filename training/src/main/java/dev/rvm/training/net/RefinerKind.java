package dev.rvm.training.net;

import java.util.Locale;

/** Upstream's two refiners: the weight-free fast guided filter and the learnable deep guided filter. */
public enum RefinerKind {
    FAST_GUIDED_FILTER, DEEP_GUIDED_FILTER;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RefinerKind parse(String text) {
        for (RefinerKind k : values()) {
            if (k.cliName().equalsIgnoreCase(text.replace('-', '_'))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown refiner '" + text + "'; choose fast_guided_filter or deep_guided_filter");
    }
}
