package dev.rvm.training.train;

import dev.rvm.matting.Processor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The processor and load, for the reports: speeds differ about 2x between this project's machines. */
public final class Machine {
    private Machine() {
    }

    public static String processor() {
        return Processor.name() + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    /** The 1-minute load average, NaN where unknown. */
    public static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
