package dev.rvm.gst.natives;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compiles native/struct-offsets.c against the installed headers and compares every number with {@link Layout}. */
class StructLayoutTest {

    @Test
    void layoutMatchesTheInstalledHeaders(@TempDir Path dir) throws Exception {
        Path source = Path.of("native", "struct-offsets.c").toAbsolutePath();
        Path exe = dir.resolve("struct-offsets");
        String flags = run(List.of("pkg-config", "--cflags", "--libs", "gstreamer-1.0"), dir).trim();
        List<String> cc = new java.util.ArrayList<>(List.of("gcc", source.toString(), "-o", exe.toString()));
        cc.addAll(List.of(flags.split("\\s+")));
        run(cc, dir);
        String out = run(List.of(exe.toString()), dir);
        int checked = 0;
        for (String line : out.split("\n")) {
            String[] kv = line.trim().split(" ");
            Field f = Layout.class.getField(kv[0]);
            long javaValue = ((Number) f.get(null)).longValue();
            assertEquals(Long.parseLong(kv[1]), javaValue, kv[0]);
            checked++;
        }
        assertTrue(checked > 50, "checked " + checked + " values");
    }

    private static String run(List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
