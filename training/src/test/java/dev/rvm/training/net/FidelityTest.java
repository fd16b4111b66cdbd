package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.rvm.models.ModelRegistry;
import dev.rvm.models.ReferenceFixtures;
import dev.rvm.training.engine.TorchRuntime;
import dev.rvm.training.onnx.ConvertedModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DJL network with the built-in model's weights against ONNX Runtime running the converted
 * model, on the shared reference frames: every set and ratio, recurrent state carried, alpha within
 * 2e-3 on every frame.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FidelityTest {
    static final double ALPHA_MAX = 2e-3;

    private OrtEnvironment env;
    private OrtSession session;
    private MattingNetwork net;
    private ConvertedModel converted;

    @BeforeAll
    void open() throws Exception {
        TorchRuntime.start(1);
        Path model = ModelRegistry.resolve(ModelRegistry.MOBILENETV3);
        env = OrtEnvironment.getEnvironment();
        session = env.createSession(model.toString(), new OrtSession.SessionOptions());
        converted = ConvertedModel.read(model);
        net = new MattingNetwork(Variant.MOBILENETV3, RefinerKind.FAST_GUIDED_FILTER, 1);
        converted.loadInto(net);
    }

    @AfterAll
    void close() throws OrtException {
        session.close();
        net.close();
    }

    @Test
    void everyLearnedTensorOfTheConvertedModelIsUsed() {
        // 158 tensors, 3,737,888 values: the converted graph's learned constants, batch norm folded
        assertEquals(158, converted.learnedTensorCount());
        long mapped = net.params().all().stream().filter(p -> !p.name().startsWith("project_seg"))
                .mapToLong(p -> p.shape().size()).sum();
        assertEquals(3_737_888, mapped);
    }

    static List<ReferenceFixtures.Case> cases() {
        return ReferenceFixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void djlForwardAgreesWithOnnxRuntime(ReferenceFixtures.Case c) throws Exception {
        double worst = 0;
        double worstRef = 0;
        Map<String, OnnxTensor> ortState = null;
        NDArray[] djlState = null;
        List<String> frames = c.frames();
        try (NDManager seq = TorchRuntime.newManager()) {
            for (String frame : frames) {
                ReferenceFixtures.RgbImage img = ReferenceFixtures.readRgb(c.framePath(frame));
                int w = img.width();
                int h = img.height();
                float[] chw = new float[3 * w * h];
                for (int i = 0; i < w * h; i++) {
                    for (int ch = 0; ch < 3; ch++) {
                        chw[ch * w * h + i] = (img.rgb()[i * 3 + ch] & 0xFF) / 255f;
                    }
                }
                NDArray src = seq.create(chw, new Shape(1, 1, 3, h, w));
                MattingNetwork.Output out = net.forward(src, c.ratio(), false, djlState, false);
                djlState = out.states();
                float[] djlPha = out.pha().toFloatArray();

                Map<String, OnnxTensor> inputs = new HashMap<>();
                inputs.put("src", OnnxTensor.createTensor(env, FloatBuffer.wrap(chw), new long[] {1, 3, h, w}));
                inputs.put("downsample_ratio", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {c.ratio()}), new long[] {1}));
                for (int r = 1; r <= 4; r++) {
                    inputs.put("r" + r + "i", ortState != null ? ortState.get("r" + r + "i")
                            : OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[1]), new long[] {1, 1, 1, 1}));
                }
                Map<String, OnnxTensor> next = new HashMap<>();
                float[] ortPha;
                try (OrtSession.Result res = session.run(inputs)) {
                    ortPha = floats((OnnxTensor) res.get("pha").orElseThrow());
                    for (int r = 1; r <= 4; r++) {
                        OnnxTensor t = (OnnxTensor) res.get("r" + r + "o").orElseThrow();
                        next.put("r" + r + "i", OnnxTensor.createTensor(env, FloatBuffer.wrap(floats(t)), t.getInfo().getShape()));
                    }
                }
                inputs.values().forEach(OnnxTensor::close);
                ortState = next;
                float[] ref = ReferenceFixtures.readFloats(c.refPath(frame, "pha"));
                double d = maxDiff(djlPha, ortPha);
                worst = Math.max(worst, d);
                worstRef = Math.max(worstRef, maxDiff(djlPha, ref));
                assertTrue(d <= ALPHA_MAX, String.format(Locale.ROOT, "%s frame %s: DJL vs ONNX Runtime alpha max %.3g", c, frame, d));
            }
        } finally {
            if (ortState != null) {
                ortState.values().forEach(OnnxTensor::close);
            }
        }
        System.out.printf(Locale.ROOT, "fidelity %-14s %d frames: DJL vs ONNX Runtime alpha max %.2e, vs original model %.2e%n",
                c, frames.size(), worst, worstRef);
    }

    private static float[] floats(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] a = new float[b.remaining()];
        b.get(a);
        return a;
    }

    private static double maxDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
