package dev.rvm.matting.model;

import dev.rvm.matting.TinyRvmGraph;
import dev.rvm.matting.Device;
import dev.rvm.models.onnx.Onnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RvmModelTest {

    @TempDir
    Path dir;

    static final SessionTuning TUNING = SessionTuning.of(1, Device.CPU);

    String failure(Path file) {
        return assertThrows(ModelException.class, () -> RvmModel.open(file, TUNING).close()).getMessage();
    }

    @Test
    void opensAModelWithTheRvmSignature() throws Exception {
        try (RvmModel m = RvmModel.open(TinyRvmGraph.write(dir), TUNING)) {
            assertEquals(1, m.framesPerCall());
            assertEquals(6, m.session().getInputNames().size());
        }
    }

    @Test
    void theSessionOptionsLiveAsLongAsTheSession() throws Exception {
        RvmModel m = RvmModel.open(TinyRvmGraph.write(dir), TUNING);
        // ONNX Runtime requires the options to outlive the session; a closed one refuses every setter
        m.sessionOptions().setIntraOpNumThreads(1);
        m.close();
        assertThrows(IllegalStateException.class, () -> m.sessionOptions().setIntraOpNumThreads(1));
    }

    @Test
    void namesTheMissingInput() throws Exception {
        String msg = failure(TinyRvmGraph.write(dir, TinyRvmGraph.model("image", 4)));
        assertTrue(msg.contains("lacks the RVM input 'src'"), msg);
    }

    @Test
    void namesTheWrongRank() throws Exception {
        String msg = failure(TinyRvmGraph.write(dir, TinyRvmGraph.model("src", 3)));
        assertTrue(msg.contains("input 'src' has rank 3, RVM needs rank 4"), msg);
    }

    @Test
    void namesAMissingOutput() throws Exception {
        Onnx.ModelProto m = TinyRvmGraph.model();
        Onnx.GraphProto g = m.getGraph().toBuilder().removeOutput(1).build();
        String msg = failure(TinyRvmGraph.write(dir, m.toBuilder().setGraph(g).build()));
        assertTrue(msg.contains("lacks the RVM output 'pha'"), msg);
    }

    @Test
    void refusesATruncatedFile() throws Exception {
        byte[] whole = TinyRvmGraph.model().toByteArray();
        Path file = dir.resolve("cut.onnx");
        Files.write(file, Arrays.copyOf(whole, whole.length - 7));
        String msg = failure(file);
        assertTrue(msg.contains("truncated or not ONNX"), msg);
    }

    @Test
    void refusesAFileThatIsNotOnnx() throws Exception {
        Path file = dir.resolve("picture.onnx");
        Files.write(file, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        String msg = failure(file);
        assertTrue(msg.contains("picture.onnx") && (msg.contains("not an ONNX model") || msg.contains("truncated or not ONNX")), msg);
    }

    @Test
    void namesAMissingFile() {
        String msg = failure(dir.resolve("nope.onnx"));
        assertTrue(msg.contains("nope.onnx does not exist"), msg);
    }

    @Test
    void cudaWithoutTheGpuBuildIsRefusedWithTheFix() throws Exception {
        Path model = TinyRvmGraph.write(dir);
        String msg = assertThrows(ModelException.class, () -> RvmModel.open(model, SessionTuning.of(1, Device.CUDA)).close()).getMessage();
        assertTrue(msg.contains("device CUDA needs the ONNX Runtime GPU build"), msg);
    }
}
