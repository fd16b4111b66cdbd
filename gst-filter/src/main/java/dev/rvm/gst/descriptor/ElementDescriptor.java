package dev.rvm.gst.descriptor;

import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingTable;

import java.util.List;

/**
 * Everything gst-inspect shows about an element, with no behaviour: what the Java element registers
 * and what the native loader declares without starting a JVM. Properties are the settings of a
 * {@link SettingTable} (GObject ids 1..n, in table order) followed by read-only statistics.
 *
 * @param factoryName    the name pipelines use ({@code rvmmatte})
 * @param typeName       the GType name of the Java implementation
 * @param enumTypePrefix prefix of the GEnum type of each choice setting ({@code RvmMatte} + {@code Background})
 * @param actionSignals  names of action signals without arguments or return value
 */
public record ElementDescriptor(String factoryName, String typeName, String enumTypePrefix, String longName,
        String classification, String description, String author, List<PadSpec> pads, SettingTable settings,
        List<Statistic> statistics, List<String> actionSignals) {

    public ElementDescriptor {
        pads = List.copyOf(pads);
        statistics = List.copyOf(statistics);
        actionSignals = List.copyOf(actionSignals);
    }

    public int propertyCount() {
        return settings.settings().size() + statistics.size();
    }

    /** The setting with this GObject property id, or null when the id is a statistic's (or none). */
    public Setting<?> settingAt(int id) {
        List<Setting<?>> all = settings.settings();
        return id >= 1 && id <= all.size() ? all.get(id - 1) : null;
    }

    /** The statistic with this GObject property id, or null. */
    public Statistic statisticAt(int id) {
        int i = id - 1 - settings.settings().size();
        return i >= 0 && i < statistics.size() ? statistics.get(i) : null;
    }

    /** The GEnum type of a choice setting: {@code RvmMatteBackground} for {@code background}. */
    public String enumTypeName(Setting.Choice<?> choice) {
        StringBuilder name = new StringBuilder(enumTypePrefix);
        for (String word : choice.name().split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }
}
