package dev.rvm.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The coefficient model's geometry: A and b come out of the unpadded box filter two rows and two
 * columns short of the network input (178x318 for 320x180), the states as the whole graph's. And the
 * whole model, which other processes read from the cache under its revision's name, keeps its bytes.
 */
class CoefficientModelTest {

    /** sha256 of the whole single-frame model of converter revision 2 (mobilenetv3-r2.onnx). */
    static final String WHOLE_MODEL_R2 = "ffc4e1560e1418c3c1814cf488eed5f350ea177b80bcd353586cbbf303c23c21";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}x{1} network input")
    @CsvSource({"320,180,318,178", "137,85,135,83", "4,3,2,1"})
    void coefficientsAreTwoShortOfTheInputStatesAsTheWholeGraphs(int w, int h, int cw, int ch) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Path model = ModelRegistry.resolveCoefficients(ModelRegistry.MOBILENETV3, 0);
        Map<String, OnnxTensor> in = new HashMap<>();
        try (OrtSession s = env.createSession(model.toString(), new OrtSession.SessionOptions())) {
            in.put("src_small", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[3 * w * h]), new long[]{1, 3, h, w}));
            for (int r = 1; r <= 4; r++) {
                in.put("r" + r + "i", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[1]), new long[]{1, 1, 1, 1}));
            }
            try (OrtSession.Result out = s.run(in)) {
                assertArrayEquals(new long[]{1, 4, ch, cw}, shape(out, "coef_a"));
                assertArrayEquals(new long[]{1, 4, ch, cw}, shape(out, "coef_b"));
                int[] channels = {16, 20, 40, 64};
                for (int r = 1; r <= 4; r++) {
                    int scale = 1 << r;
                    assertArrayEquals(new long[]{1, channels[r - 1], (h + scale - 1) / scale, (w + scale - 1) / scale},
                            shape(out, "r" + r + "o"), "r" + r + "o: ceil(size / " + scale + ")");
                }
            }
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    @Test
    void aModelGivenByPathHasNoCoefficientModel() {
        assertNull(ModelRegistry.resolveCoefficients(dir.resolve("upstream.onnx").toString(), 0));
    }

    @Test
    void theWholeModelKeepsRevisionTwosBytes() throws Exception {
        Path file = dir.resolve("whole.onnx");
        ModelRegistry.export(file, 0);
        assertEquals(WHOLE_MODEL_R2, Sha.sha256Hex(file),
                "the whole model changed: bump ModelRegistry.CONVERTER_REVISION (cache readers key on it) and this hash");
    }

    private static long[] shape(OrtSession.Result out, String name) throws Exception {
        return ((OnnxTensor) out.get(name).orElseThrow()).getInfo().getShape();
    }
}
