package dev.rvm.tools.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.rvm.models.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCommandTest {

    @TempDir
    Path tmp;

    @Test
    void infoDescribesTheBuiltInModel() {
        CliRun run = CliRun.of("model", "info");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("opset:   17"), run.out());
        assertTrue(run.out().matches("(?s).*src\\s+\\[batch,3,height,width].*"), run.out());
        assertTrue(run.out().matches("(?s).*pha\\s+\\[batch,1,height,width].*"), run.out());
        assertTrue(run.out().matches("(?s).*sha256:  [0-9a-f]{64}.*"), run.out());
    }

    @Test
    void infoOnATextFileIsOneLineNamingTheFile() {
        CliRun run = CliRun.of("model", "info", "--model", "/etc/hostname");
        assertNotEquals(0, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("/etc/hostname: not an ONNX model"), run.err());
    }

    @Test
    void infoOnATruncatedExportSaysTruncated() throws Exception {
        Path full = ModelRegistry.resolve(ModelRegistry.MOBILENETV3);
        Path cut = tmp.resolve("cut.onnx");
        byte[] bytes = Files.readAllBytes(full);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        CliRun run = CliRun.of("model", "info", "--model", cut.toString());
        assertNotEquals(0, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(cut + ": truncated or corrupt ONNX file"), run.err());
    }

    @Test
    void exportedFileGivesBitIdenticalOutputs() throws Exception {
        Path exported = tmp.resolve("rvm.onnx");
        CliRun run = CliRun.of("model", "export", "--output", exported.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0, CliRun.of("model", "info", "--model", exported.toString()).exitCode());

        float[] src = new float[3 * 96 * 128];
        Random rnd = new Random(7);
        for (int i = 0; i < src.length; i++) {
            src[i] = rnd.nextFloat();
        }
        for (float ratio : new float[] {0.5f, 1f}) {
            assertArrayEquals(pha(ModelRegistry.resolve(ModelRegistry.MOBILENETV3), src, ratio),
                    pha(exported, src, ratio), "ratio " + ratio);
        }
    }

    private static float[] pha(Path model, float[] src, float ratio) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> in = new HashMap<>();
        try (OrtSession s = env.createSession(model.toString(), new OrtSession.SessionOptions())) {
            in.put("src", OnnxTensor.createTensor(env, FloatBuffer.wrap(src), new long[] {1, 3, 96, 128}));
            for (int i = 1; i <= 4; i++) {
                in.put("r" + i + "i", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[1]), new long[] {1, 1, 1, 1}));
            }
            in.put("downsample_ratio", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {ratio}), new long[] {1}));
            try (OrtSession.Result r = s.run(in)) {
                FloatBuffer b = ((OnnxTensor) r.get("pha").orElseThrow()).getFloatBuffer();
                float[] a = new float[b.remaining()];
                b.get(a);
                return a;
            }
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }
}
