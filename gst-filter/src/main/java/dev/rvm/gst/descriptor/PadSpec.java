package dev.rvm.gst.descriptor;

/** An always-present pad template: name, direction and the caps it can carry. */
public record PadSpec(String name, boolean source, String caps) {
}
