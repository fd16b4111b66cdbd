package dev.rvm.gst.gobject;

import com.sun.jna.Pointer;

import java.util.Map;

/** Creates the Java side of a new element instance; pads (by template name) already exist and are added. */
@FunctionalInterface
public interface ElementFactory {
    ElementInstance create(Pointer element, Map<String, Pointer> pads);
}
