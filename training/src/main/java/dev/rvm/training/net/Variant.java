package dev.rvm.training.net;

import java.util.Locale;

/** The two backbones of upstream RVM. */
public enum Variant {
    MOBILENETV3, RESNET50;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Variant parse(String text) {
        for (Variant v : values()) {
            if (v.cliName().equalsIgnoreCase(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown model variant '" + text + "'; choose mobilenetv3 or resnet50");
    }
}
