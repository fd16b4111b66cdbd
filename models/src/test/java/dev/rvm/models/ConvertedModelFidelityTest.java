package dev.rvm.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The converted model against the original model's outputs: every fixture set and ratio, the
 * whole sequence with recurrent state carried, bounds from the graph's fact sheet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConvertedModelFidelityTest {

    static final double MEAN_BOUND = 1e-5;
    static final double MAX_BOUND = 1e-2;
    static final double STATE_MAX_BOUND = 1e-3;

    private OrtEnvironment env;
    private OrtSession session;

    @BeforeAll
    void open() throws OrtException {
        env = OrtEnvironment.getEnvironment();
        Path model = ModelRegistry.resolve(ModelRegistry.MOBILENETV3);
        session = env.createSession(model.toString(), new OrtSession.SessionOptions());
    }

    @AfterAll
    void close() throws OrtException {
        session.close();
    }

    static List<ReferenceFixtures.Case> cases() {
        return ReferenceFixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheOriginalModelFrameByFrame(ReferenceFixtures.Case c) throws Exception {
        Map<String, float[]> state = null;
        long[][] stateShapes = null;
        double worstMax = 0, worstMean = 0, worstFgrMax = 0, worstFgrMean = 0, worstState = 0;
        boolean comparedFgr = false, comparedState = false;
        for (String frame : c.frames()) {
            ReferenceFixtures.RgbImage img = ReferenceFixtures.readRgb(c.framePath(frame));
            int w = img.width(), h = img.height();
            float[] src = new float[3 * w * h];
            for (int i = 0; i < w * h; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    src[ch * w * h + i] = (img.rgb()[i * 3 + ch] & 0xFF) / 255f;
                }
            }
            Map<String, OnnxTensor> inputs = new HashMap<>();
            try {
                inputs.put("src", OnnxTensor.createTensor(env, FloatBuffer.wrap(src), new long[] {1, 3, h, w}));
                for (int r = 1; r <= 4; r++) {
                    String name = "r" + r + "i";
                    inputs.put(name, state == null
                            ? OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[1]), new long[] {1, 1, 1, 1})
                            : OnnxTensor.createTensor(env, FloatBuffer.wrap(state.get(name)), stateShapes[r - 1]));
                }
                inputs.put("downsample_ratio", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {c.ratio()}), new long[] {1}));
                try (OrtSession.Result out = session.run(inputs)) {
                    float[] pha = flat(out, "pha");
                    float[] ref = ReferenceFixtures.readFloats(c.refPath(frame, "pha"));
                    assertEquals(ref.length, pha.length, "pha size of " + c + " frame " + frame);
                    double[] d = diff(pha, ref);
                    worstMax = Math.max(worstMax, d[0]);
                    worstMean = Math.max(worstMean, d[1]);
                    assertTrue(d[0] <= MAX_BOUND && d[1] <= MEAN_BOUND,
                            () -> String.format(Locale.ROOT, "%s frame %s pha max %.3g mean %.3g", c, frame, d[0], d[1]));
                    Path fgrRef = c.refPath(frame, "fgr");
                    if (Files.exists(fgrRef)) {
                        float[] fgr = toHwc(flat(out, "fgr"), h, w, 3);
                        double[] f = diff(fgr, ReferenceFixtures.readFloats(fgrRef));
                        worstFgrMax = Math.max(worstFgrMax, f[0]);
                        worstFgrMean = Math.max(worstFgrMean, f[1]);
                        comparedFgr = true;
                        assertTrue(f[0] <= MAX_BOUND && f[1] <= MEAN_BOUND,
                                () -> String.format(Locale.ROOT, "%s frame %s fgr max %.3g mean %.3g", c, frame, f[0], f[1]));
                    }
                    Map<String, float[]> next = new HashMap<>();
                    long[][] shapes = new long[4][];
                    for (int r = 1; r <= 4; r++) {
                        OnnxTensor t = (OnnxTensor) out.get("r" + r + "o").orElseThrow();
                        shapes[r - 1] = t.getInfo().getShape();
                        next.put("r" + r + "i", flat(out, "r" + r + "o"));
                        Path stateRef = c.refPath(frame, "r" + r + "o");
                        if (Files.exists(stateRef)) {
                            long[] s = shapes[r - 1];
                            float[] mine = toHwc(next.get("r" + r + "i"), (int) s[2], (int) s[3], (int) s[1]);
                            double[] sd = diff(mine, ReferenceFixtures.readFloats(stateRef));
                            worstState = Math.max(worstState, sd[0]);
                            comparedState = true;
                            int rr = r;
                            assertTrue(sd[0] <= STATE_MAX_BOUND, () -> c + " r" + rr + "o max " + sd[0]);
                        }
                    }
                    state = next;
                    stateShapes = shapes;
                }
            } finally {
                for (OnnxTensor t : inputs.values()) {
                    t.close();
                }
            }
        }
        // Only some sets have foreground and state dumps; "-" marks what had nothing to compare.
        System.out.printf(Locale.ROOT, "fidelity %-14s pha max %.2e mean %.2e | fgr %s | state %s%n", c, worstMax, worstMean,
                comparedFgr ? String.format(Locale.ROOT, "max %.2e mean %.2e", worstFgrMax, worstFgrMean) : "-",
                comparedState ? String.format(Locale.ROOT, "max %.2e", worstState) : "-");
    }

    private static float[] flat(OrtSession.Result out, String name) throws OrtException {
        OnnxTensor t = (OnnxTensor) out.get(name).orElseThrow();
        FloatBuffer b = t.getFloatBuffer();
        float[] a = new float[b.remaining()];
        b.get(a);
        return a;
    }

    static float[] toHwc(float[] chw, int h, int w, int c) {
        float[] hwc = new float[chw.length];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < h * w; i++) {
                hwc[i * c + ch] = chw[ch * h * w + i];
            }
        }
        return hwc;
    }

    /** {max abs, mean abs}. */
    static double[] diff(float[] a, float[] b) {
        double max = 0, sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            max = Math.max(max, d);
            sum += d;
        }
        return new double[] {max, sum / a.length};
    }
}
