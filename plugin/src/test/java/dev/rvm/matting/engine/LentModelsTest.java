package dev.rvm.matting.engine;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.TinyRvmGraph;
import dev.rvm.matting.model.RvmModel;
import dev.rvm.matting.model.SessionTuning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Streams on a model lent by their opener (one session shared by many streams, as a batch executor does). */
class LentModelsTest {

    @TempDir
    Path dir;

    @Test
    void aLentModelOutlivesTheStreamsThatUsedIt() throws Exception {
        MattingSettings settings = MattingSettings.DEFAULTS.withModel(TinyRvmGraph.write(dir).toString()).withThreads(1);
        List<RvmModel> released = new ArrayList<>();
        try (RvmModel shared = RvmModel.open(Path.of(settings.model()), SessionTuning.of(1, settings.device()))) {
            RecurrentMattingStream.ModelOpener lender = new RecurrentMattingStream.ModelOpener() {
                @Override
                public RvmModel openFrameModel(MattingSettings s) {
                    return shared;
                }

                @Override
                public void release(RvmModel model) {
                    released.add(model);
                }
            };
            byte[] rgb = new byte[4 * 3 * 3];
            for (int round = 0; round < 2; round++) {
                float[] alpha = new float[1];
                try (MattingStream s = new RecurrentMattingStream(settings.withDownsampleRatio(0.5f), lender)) {
                    s.submit(ByteBuffer.wrap(rgb), FrameLayout.packed(4, 3, PixelFormat.RGB), 0, f -> alpha[0] = f.alpha().get(0));
                }
                assertEquals(0f, alpha[0], 1e-6, "round " + round + ": the shared session still runs after an earlier stream closed");
            }
            assertEquals(2, released.size());
            assertSame(shared, released.get(0));
        }
    }
}
