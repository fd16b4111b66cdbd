package dev.rvm.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeedtestCommandTest {

    @Test
    void lastLineIsOneJsonObjectWithRawAndCoreTimes() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorReporter())
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("speedtest", "--resolution", "96x64", "--downsample-ratio", "0.5", "--frames", "6", "--warmup", "1",
                        "--seq-chunk", "4", "--threads", "1");
        assertEquals(0, exit, err.toString());
        List<String> lines = out.toString().strip().lines().toList();
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        for (String key : List.of("raw_ms", "raw_fps", "core_ms", "core_fps")) {
            assertTrue(json.get(key).asDouble() > 0, key + " in " + json);
        }
        assertEquals(6, json.get("frames").asInt(), "every measured frame came out, the partial chunk by drain");
        assertEquals(96, json.get("width").asInt());
        assertEquals(0.5, json.get("downsample_ratio").asDouble(), 1e-9);
        assertEquals("coefficients", json.get("core_path").asText(), "the built-in weights take the coefficient path");
        assertEquals(json.get("raw_ms").asDouble() / json.get("core_ms").asDouble(), json.get("core_vs_raw").asDouble(), 2e-3);
        assertTrue(json.get("onnxruntime").asText().matches("\\d+\\.\\d+\\.\\d+.*"), json.toString());
        assertTrue(!json.get("processor").asText().isBlank(), json.toString());
    }

    @Test
    void refusesUnusableSizesUpFrontInsteadOfOverflowingOrFailingInOnnxRuntime() {
        for (String[] c : new String[][] {
                {"100000x100000", "--resolution 100000x100000 is too large: one BGRx frame would be 37.3 GiB"},
                {"12000x9000", "--resolution 12000x9000 with --seq-chunk 1 needs about"},
                {"96x64", "--downsample-ratio: downsample ratio 0.03 leaves the network 2x1 pixels"}}) {
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            int exit = new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorReporter())
                    .setErr(new PrintWriter(err, true)).execute("speedtest", "--resolution", c[0], "--downsample-ratio", c[0].equals("96x64") ? "0.03" : "0.25");
            assertEquals(1, exit, err.toString());
            assertTrue(err.toString().startsWith("rvm speedtest: " + c[1]), err.toString());
            assertEquals(1, err.toString().strip().lines().count(), "one line, no OutOfMemoryError trace: " + err);
            assertTrue(System.nanoTime() - start < 10_000_000_000L);
        }
    }

    @Test
    void refusesABadResolution() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorReporter())
                .setErr(new PrintWriter(err, true)).execute("speedtest", "--resolution", "720p", "--downsample-ratio", "0.25");
        assertEquals(1, exit);
        assertTrue(err.toString().contains("--resolution must be WIDTHxHEIGHT"), err.toString());
    }
}
