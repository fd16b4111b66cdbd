package dev.rvm.gst.natives;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiles native/struct-offsets.c against the headers installed now and compares every number with the
 * {@link Layout} the build generated: a build made against other headers fails here, not at run time.
 */
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
            String[] typeNameValue = line.trim().split(" ");
            Field f = Layout.class.getField(typeNameValue[1]);
            assertEquals(typeNameValue[0], f.getType().getName(), typeNameValue[1]);
            long javaValue = ((Number) f.get(null)).longValue();
            assertEquals(Long.parseLong(typeNameValue[2]), javaValue, typeNameValue[1]);
            checked++;
        }
        assertTrue(checked > 50, "checked " + checked + " values");
        long fields = java.util.Arrays.stream(Layout.class.getFields())
                .filter(f -> java.lang.reflect.Modifier.isStatic(f.getModifiers())).count();
        assertEquals(checked, fields, "every Layout constant comes from struct-offsets.c");
    }

    private static String run(List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
