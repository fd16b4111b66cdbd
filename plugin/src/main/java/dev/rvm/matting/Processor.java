package dev.rvm.matting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The processor a measurement ran on: speeds differ about 2x between the x86 machines this runs on. */
public final class Processor {

    private Processor() {
    }

    /** The model name the kernel reports (/proc/cpuinfo), else the architecture. */
    public static String name() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch") + " (model unknown)";
    }
}
