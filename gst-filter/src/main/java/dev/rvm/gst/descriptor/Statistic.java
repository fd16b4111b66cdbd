package dev.rvm.gst.descriptor;

/** A read-only double property an element reports (a measurement, not a setting). */
public record Statistic(String name, String nick, String blurb) {
}
