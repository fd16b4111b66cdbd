package dev.rvm.conversion.options;

import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.Setting;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.ListResourceBundle;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Options that are settings of {@link SettingsTable}: an option named like a setting ({@code --seq-chunk})
 * takes its description ({@link Help}, a command's resource bundle) and its default ({@link Defaults},
 * a command's default provider) from the table, and is checked by it ({@link #parse}, {@link #check})
 * with the option named in the error (every command that takes them: convert, batch, speedtest, model).
 * The background settings are not among them: the command line
 * says {@code --background none|#RRGGBB|IMAGE|blur[:RADIUS]}.
 */
public final class SettingOptions {
    private SettingOptions() {
    }

    public static final List<Setting<?>> SETTINGS = SettingsTable.MATTING.settings().stream()
            .filter(s -> !SettingsTable.BACKGROUND_GROUP.contains(s)).toList();

    public static String option(Setting<?> s) {
        return "--" + s.name();
    }

    public static Optional<Setting<?>> of(ArgSpec arg) {
        return arg instanceof OptionSpec o
                ? SETTINGS.stream().filter(s -> option(s).equals(o.longestName())).findFirst()
                : Optional.empty();
    }

    /** The option's text as the setting reads it; refused naming the option. */
    public static <T> T parse(Setting<T> s, String text) {
        return named(() -> s.parse(text));
    }

    /** An option's typed value checked by the setting; refused naming the option. */
    public static <T> T check(Setting<T> s, T value) {
        return named(() -> s.check(value));
    }

    /** Builds what options make; a refusal (its message starts with a setting's name) names the option. */
    public static <T> T named(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }

    /** Descriptions of the options named like settings: picocli looks them up by the option's name. */
    public static final class Help extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return SETTINGS.stream()
                    .map(s -> new Object[] {s.name(), s.doc() + ". Default: ${DEFAULT-VALUE}."})
                    .toArray(Object[][]::new);
        }
    }

    /** Defaults of the options named like settings that give none themselves. */
    public static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            return of(arg).map(Defaults::formattedDefault).orElse(null);
        }

        private static <T> String formattedDefault(Setting<T> s) {
            return s.format(s.defaultValue());
        }
    }
}
