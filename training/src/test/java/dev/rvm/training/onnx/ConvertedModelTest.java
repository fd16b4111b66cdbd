package dev.rvm.training.onnx;

import dev.rvm.models.ModelRegistry;
import dev.rvm.models.OnnxModelInfo;
import dev.rvm.training.engine.TorchRuntime;
import dev.rvm.training.net.MattingNetwork;
import dev.rvm.training.net.Param;
import dev.rvm.training.net.RefinerKind;
import dev.rvm.training.net.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the converted model's initializers into the network and writing them back. */
class ConvertedModelTest {

    @Test
    void anExportAfterZeroStepsKeepsEveryInitializerBitForBit(@TempDir Path dir) throws Exception {
        TorchRuntime.start(1);
        Path builtIn = ModelRegistry.resolve(ModelRegistry.MOBILENETV3);
        ConvertedModel model = ConvertedModel.read(builtIn);
        Path out = dir.resolve("same.onnx");
        try (MattingNetwork net = new MattingNetwork(Variant.MOBILENETV3, RefinerKind.FAST_GUIDED_FILTER, 5)) {
            model.loadInto(net);
            model.export(net, out, Map.of("training", "none"));
        }
        Map<String, float[]> before = model.floatInitializers();
        Map<String, float[]> after = ConvertedModel.read(out).floatInitializers();
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) {
            float[] a = before.get(name);
            float[] b = after.get(name);
            assertEquals(a.length, b.length, name);
            for (int i = 0; i < a.length; i++) {
                if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                    throw new AssertionError(name + "[" + i + "] " + a[i] + " became " + b[i]);
                }
            }
        }
        // the rest of the file is the same model: the same signature, and the metadata added
        OnnxModelInfo info = OnnxModelInfo.readRvm(out);
        assertEquals("none", info.metadata().get("training"));
    }

    @Test
    void changedWeightsLandInTheirOwnInitializers(@TempDir Path dir) throws Exception {
        TorchRuntime.start(1);
        ConvertedModel model = ConvertedModel.read(ModelRegistry.resolve(ModelRegistry.MOBILENETV3));
        Path out = dir.resolve("changed.onnx");
        try (MattingNetwork net = new MattingNetwork(Variant.MOBILENETV3, RefinerKind.FAST_GUIDED_FILTER, 5)) {
            model.loadInto(net);
            Param stem = net.params().get("backbone.stem.weight");
            float[] w = stem.toFloats();
            w[0] += 1f;
            stem.set(w);
            model.export(net, out, Map.of());
        }
        Map<String, float[]> before = model.floatInitializers();
        Map<String, float[]> after = ConvertedModel.read(out).floatInitializers();
        int changed = 0;
        for (String name : before.keySet()) {
            if (!java.util.Arrays.equals(before.get(name), after.get(name))) {
                changed++;
                assertTrue(name.contains("conv2d/Conv2D_weights"), name);
                assertEquals(before.get(name)[0] + 1f, after.get(name)[0]);
            }
        }
        assertEquals(1, changed);
    }

    @Test
    void aFileOfAnotherArchitectureIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a model");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvertedModel.read(junk));
        assertTrue(e.getMessage().contains("junk.onnx"), e.getMessage());
    }
}
