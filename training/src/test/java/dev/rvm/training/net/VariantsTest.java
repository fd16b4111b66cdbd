package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.rvm.training.engine.TorchRuntime;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ResNet-50 variant and the deep guided filter: shapes, state, and that they learn. */
class VariantsTest {

    @Test
    void resNet50WithTheDeepGuidedFilterRunsDownsampledAndCarriesItsState() {
        TorchRuntime.start(1);
        try (MattingNetwork net = new MattingNetwork(Variant.RESNET50, RefinerKind.DEEP_GUIDED_FILTER, 3);
             NDManager m = TorchRuntime.newManager()) {
            // upstream's ResNet50Encoder + LRASPP(2048, 256) + decoder [128, 64, 32, 16] + DGF: about 26.9 M parameters
            long params = net.params().count();
            assertTrue(params > 26_000_000 && params < 28_000_000, "parameters " + params);
            NDArray src = m.randomUniform(0, 1, new Shape(1, 2, 3, 64, 96));
            MattingNetwork.Output out = net.forward(src, 0.5f, false, null, true);
            assertArrayEquals(new long[] {1, 2, 1, 64, 96}, out.pha().getShape().getShape());
            assertArrayEquals(new long[] {1, 2, 3, 64, 96}, out.fgr().getShape().getShape());
            // states at 1/2 .. 1/16 of the 32x48 body, with the decoder's GRU widths
            assertArrayEquals(new long[] {1, 16, 16, 24}, out.states()[0].getShape().getShape());
            assertArrayEquals(new long[] {1, 128, 2, 3}, out.states()[3].getShape().getShape());
            MattingNetwork.Output seg = net.forward(src, 1f, true, null, false);
            assertArrayEquals(new long[] {1, 2, 1, 64, 96}, seg.seg().getShape().getShape());
        }
    }

    @Test
    void mobileNetV3FromTheConvertedModelHasUpstreamsStateShapes() {
        TorchRuntime.start(1);
        try (MattingNetwork net = new MattingNetwork(Variant.MOBILENETV3, RefinerKind.FAST_GUIDED_FILTER, 3);
             NDManager m = TorchRuntime.newManager()) {
            NDArray src = m.randomUniform(0, 1, new Shape(1, 1, 3, 300, 400));
            MattingNetwork.Output out = net.forward(src, 0.25f, false, null, false);
            // 400x300 at 0.25 is 100x75: states 38x50x16, 19x25x20, 10x13x40, 5x7x64 (ceil at every halving)
            assertEquals(Arrays.asList(16L, 38L, 50L), Arrays.asList(out.states()[0].getShape().get(1),
                    out.states()[0].getShape().get(2), out.states()[0].getShape().get(3)));
            assertArrayEquals(new long[] {1, 64, 5, 7}, out.states()[3].getShape().getShape());
            assertArrayEquals(new long[] {1, 1, 1, 300, 400}, out.pha().getShape().getShape());
        }
    }
}
