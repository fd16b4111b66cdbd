package dev.rvm.gst.element;

import dev.rvm.matting.Background;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.Setting;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The element's properties are the settings table: same names, defaults and ranges, refused values kept out. */
class RvmMattePropertiesTest {

    @BeforeAll
    static void gst() {
        GstTestSupport.initWithLuma(0);
    }

    @Test
    void everySettingIsAPropertyWithTheTablesDefault() {
        Element m = ElementFactory.make("rvmmatte", "m");
        try {
            assertTrue(m.listPropertyNames().containsAll(RvmMatteDescriptor.SETTINGS.settings().stream()
                    .map(Setting::name).toList()), m.listPropertyNames().toString());
            for (Setting<?> s : RvmMatteDescriptor.SETTINGS.settings()) {
                Object expected = s instanceof Setting.Choice<?> c ? c.values().indexOf(c.defaultValue()) : s.defaultValue();
                Object actual = m.get(s.name());
                if (actual instanceof Number n && expected instanceof Number e) {
                    assertEquals(e.doubleValue(), n.doubleValue(), 1e-9, s.name());
                } else {
                    assertEquals(expected, actual, s.name());
                }
            }
            // the GEnum numbers the setting's own list (none, color, image, blur), not Background.Kind's order
            m.set("background", 3);
            assertEquals(Background.Kind.BLUR, SettingsTable.BACKGROUND.at(((Number) m.get("background")).intValue()));
            assertTrue(Background.Kind.BLUR.ordinal() != 3);
        } finally {
            m.dispose();
        }
    }

    @Test
    void aValueTheSettingRefusesLeavesThePropertyAsItWas() {
        Element m = ElementFactory.make("rvmmatte", "m");
        try {
            m.set("model", "/models/custom.onnx");
            m.set("model", " ");
            assertEquals("/models/custom.onnx", m.get("model"), "an empty model is refused");
            m.set("seq-chunk", 8);
            assertEquals(8, m.get("seq-chunk"));
        } finally {
            m.dispose();
        }
    }
}
