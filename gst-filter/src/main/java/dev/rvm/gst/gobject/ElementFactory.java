package dev.rvm.gst.gobject;

import com.sun.jna.Pointer;

import java.util.Map;

/** Creates the Java side of a new element instance from its always pads (by template name), which are added to the element once this returns. */
@FunctionalInterface
public interface ElementFactory {
    ElementInstance create(Pointer element, Map<String, Pointer> pads);
}
