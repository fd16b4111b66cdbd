package dev.rvm.matting.settings;

/** A value of a {@link Setting.Choice}: the lower-case word hosts accept for it (gst-launch, presets, the CLI). */
public interface Nicked {
    String nick();
}
