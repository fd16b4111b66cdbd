package dev.rvm.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sample script as a user runs it (arguments, environment, defaults), stopped just before it
 * launches: with PRINT_PIPELINE=1 bash prints the exact pipeline text it would hand to
 * {@code ./rvm launch} or {@code gst-launch-1.0}, which the tests then run in this JVM.
 */
final class SampleScript {
    /** The samples/ folder (tests run in the samples module's directory). */
    public static final Path DIR = Path.of("").toAbsolutePath();

    private SampleScript() {
    }

    public static String pipeline(String script, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", DIR.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("PRINT_PIPELINE", "1");
        try {
            Process p = pb.start();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), script + " did not print its pipeline in 20 s");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, p.exitValue(), script + " failed: " + out);
            assertTrue(!out.isEmpty() && !out.contains("\n"), script + " printed more than a pipeline: " + out);
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + script + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
