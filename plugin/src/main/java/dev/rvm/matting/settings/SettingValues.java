package dev.rvm.matting.settings;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A value for every setting of a table: immutable, so a writer swaps in a new one and a reader (a
 * streaming thread) sees one consistent set. Values enter only through {@link Setting#check}.
 */
public final class SettingValues {
    private final SettingTable table;
    private final Object[] values;

    SettingValues(SettingTable table, Object[] values) {
        this.table = table;
        this.values = values;
    }

    public SettingTable table() {
        return table;
    }

    public <T> T get(Setting<T> setting) {
        return setting.valueType().cast(values[table.indexOf(setting)]);
    }

    /** A copy with one value changed; refused (IllegalArgumentException) outside the setting's range. */
    public <T> SettingValues with(Setting<T> setting, T value) {
        return replace(setting, setting.check(value));
    }

    /** {@link #with} for a value typed only at run time (a property write). */
    public SettingValues withObject(Setting<?> setting, Object value) {
        return replace(setting, setting.checkObject(value));
    }

    /** A copy with the values that {@code other}'s table shares with this one taken from {@code other}. */
    public SettingValues withAll(SettingValues other) {
        Object[] copy = values.clone();
        for (Setting<?> s : other.table.settings()) {
            if (table.contains(s)) {
                copy[table.indexOf(s)] = other.values[other.table.indexOf(s)];
            }
        }
        return new SettingValues(table, copy);
    }

    private SettingValues replace(Setting<?> setting, Object checked) {
        Object[] copy = values.clone();
        copy[table.indexOf(setting)] = checked;
        return new SettingValues(table, copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues v && v.table == table && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** {@code name=value} pairs as {@link Setting#format} writes them. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(" ");
        for (Setting<?> s : table.settings()) {
            j.add(s.name() + "=" + formatted(s));
        }
        return j.toString();
    }

    /** One value as text ({@link Setting#format}); null values (an unset file) as the empty string. */
    public <T> String formatted(Setting<T> setting) {
        T v = get(setting);
        return v == null ? "" : setting.format(v);
    }
}
