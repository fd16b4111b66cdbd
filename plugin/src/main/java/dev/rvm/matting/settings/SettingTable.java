package dev.rvm.matting.settings;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ordered list of settings (the order hosts show and number them in), looked up by name. */
public final class SettingTable {
    private final List<Setting<?>> settings;
    private final Map<Setting<?>, Integer> index = new IdentityHashMap<>();
    private final SettingValues defaults;

    private SettingTable(List<Setting<?>> settings) {
        this.settings = List.copyOf(settings);
        for (int i = 0; i < this.settings.size(); i++) {
            Setting<?> s = this.settings.get(i);
            if (find(s.name()).filter(other -> other != s).isPresent() || index.put(s, i) != null) {
                throw new IllegalArgumentException("setting " + s.name() + " is listed twice");
            }
        }
        Object[] values = new Object[this.settings.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = this.settings.get(i).defaultValue();
        }
        defaults = new SettingValues(this, values);
    }

    public static SettingTable of(Setting<?>... settings) {
        return new SettingTable(List.of(settings));
    }

    /** This table followed by more settings (a host's own). */
    public SettingTable plus(Setting<?>... more) {
        List<Setting<?>> all = new ArrayList<>(settings);
        all.addAll(List.of(more));
        return new SettingTable(all);
    }

    public List<Setting<?>> settings() {
        return settings;
    }

    public Optional<Setting<?>> find(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean contains(Setting<?> setting) {
        return index.containsKey(setting);
    }

    /** Every setting at its default. */
    public SettingValues defaults() {
        return defaults;
    }

    int indexOf(Setting<?> setting) {
        Integer i = index.get(setting);
        if (i == null) {
            throw new IllegalArgumentException("setting " + setting.name() + " is not in this table");
        }
        return i;
    }
}
