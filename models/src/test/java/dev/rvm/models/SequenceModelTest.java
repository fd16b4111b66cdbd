package dev.rvm.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seq-chunk model must give what the same frames give through the single-frame model, one by one. */
class SequenceModelTest {

    private static final int FRAMES = 3;

    @ParameterizedTest(name = "ratio {0}")
    @ValueSource(floats = {0.5f, 1.0f})
    void equalsFrameByFrameCalls(float ratio) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        ReferenceFixtures.Case c = new ReferenceFixtures.Case("cap12", "ref_r05", ratio);
        List<String> frames = c.frames().subList(0, FRAMES);
        ReferenceFixtures.RgbImage first = ReferenceFixtures.readRgb(c.framePath(frames.get(0)));
        int w = first.width(), h = first.height(), plane = w * h;
        float[] all = new float[FRAMES * 3 * plane];
        for (int f = 0; f < FRAMES; f++) {
            byte[] rgb = ReferenceFixtures.readRgb(c.framePath(frames.get(f))).rgb();
            for (int i = 0; i < plane; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    all[(f * 3 + ch) * plane + i] = (rgb[i * 3 + ch] & 0xFF) / 255f;
                }
            }
        }
        Path single = ModelRegistry.resolve(ModelRegistry.MOBILENETV3);
        Path sequence = ModelRegistry.resolveSequence(ModelRegistry.MOBILENETV3, FRAMES);

        float[][] expectedPha = new float[FRAMES][];
        float[] expectedR4 = null;
        try (OrtSession s = env.createSession(single.toString(), new OrtSession.SessionOptions())) {
            Map<String, float[]> state = new HashMap<>();
            Map<String, long[]> shapes = new HashMap<>();
            for (int f = 0; f < FRAMES; f++) {
                float[] src = new float[3 * plane];
                System.arraycopy(all, f * 3 * plane, src, 0, src.length);
                try (Run r = new Run(env, s, src, new long[] {1, 3, h, w}, ratio, state, shapes)) {
                    expectedPha[f] = r.get("pha");
                    for (int i = 1; i <= 4; i++) {
                        state.put("r" + i + "i", r.get("r" + i + "o"));
                        shapes.put("r" + i + "i", r.shape("r" + i + "o"));
                    }
                    expectedR4 = r.get("r4o");
                }
            }
        }
        try (OrtSession s = env.createSession(sequence.toString(), new OrtSession.SessionOptions());
             Run r = new Run(env, s, all, new long[] {FRAMES, 3, h, w}, ratio, Map.of(), Map.of())) {
            float[] pha = r.get("pha");
            for (int f = 0; f < FRAMES; f++) {
                double sum = 0, max = 0;
                for (int i = 0; i < plane; i++) {
                    double d = Math.abs(pha[f * plane + i] - expectedPha[f][i]);
                    sum += d;
                    max = Math.max(max, d);
                }
                double mean = sum / plane;
                int frame = f;
                double worst = max;
                assertTrue(mean <= 1e-5 && max <= 1e-3,
                        () -> "frame " + frame + ": sequence vs single mean " + mean + " max " + worst);
            }
            float[] r4 = r.get("r4o");
            assertArrayEquals(expectedR4, r4, 1e-4f, "state after the last frame");
        }
    }

    /** One model call with its tensors closed together. */
    private static final class Run implements AutoCloseable {
        private final Map<String, OnnxTensor> inputs = new HashMap<>();
        private final OrtSession.Result result;

        Run(OrtEnvironment env, OrtSession s, float[] src, long[] shape, float ratio,
            Map<String, float[]> state, Map<String, long[]> shapes) throws Exception {
            inputs.put("src", OnnxTensor.createTensor(env, FloatBuffer.wrap(src), shape));
            for (int i = 1; i <= 4; i++) {
                String n = "r" + i + "i";
                inputs.put(n, state.containsKey(n)
                        ? OnnxTensor.createTensor(env, FloatBuffer.wrap(state.get(n)), shapes.get(n))
                        : OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[1]), new long[] {1, 1, 1, 1}));
            }
            inputs.put("downsample_ratio", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {ratio}), new long[] {1}));
            result = s.run(inputs);
        }

        float[] get(String name) throws Exception {
            FloatBuffer b = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
            float[] a = new float[b.remaining()];
            b.get(a);
            return a;
        }

        long[] shape(String name) throws Exception {
            return ((OnnxTensor) result.get(name).orElseThrow()).getInfo().getShape();
        }

        @Override
        public void close() {
            result.close();
            inputs.values().forEach(OnnxTensor::close);
        }
    }
}
