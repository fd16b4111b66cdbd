package dev.rvm.gst.descriptor;

import java.util.List;

/**
 * Everything gst-inspect shows about an element, with no behaviour: what the Java element registers
 * and what the native loader declares without starting a JVM.
 *
 * @param factoryName   the name pipelines use ({@code rvmmatte})
 * @param typeName      the GType name of the Java implementation
 * @param actionSignals names of action signals without arguments or return value
 */
public record ElementDescriptor(String factoryName, String typeName, String longName, String classification,
        String description, String author, List<PadSpec> pads, List<PropertySpec> properties,
        List<String> actionSignals) {

    /** GObject property ids start at 1. */
    public int propertyId(String name) {
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).name().equals(name)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no property " + name + " on " + factoryName);
    }

    public PropertySpec property(int id) {
        return properties.get(id - 1);
    }
}
