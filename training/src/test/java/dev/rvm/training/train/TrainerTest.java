package dev.rvm.training.train;

import dev.rvm.training.data.TinyDatasets;
import dev.rvm.training.engine.TorchRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole runs of the trainer on tiny data: 64x64, two frames per sequence. */
class TrainerTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void data() throws Exception {
        TorchRuntime.start(1);
        TinyDatasets.videoMatte(dir.resolve("train"), 2, 6, 80, 72);
        TinyDatasets.videoMatte(dir.resolve("valid"), 1, 4, 80, 72);
        TinyDatasets.backgrounds(dir.resolve("bg"), 2, 4, 96, 80);
    }

    static TrainingConfig.Builder tiny(Path work) {
        return TrainingConfig.builder(Stage.ONE).data(dir.resolve("train")).backgrounds(dir.resolve("bg"))
                .validation(dir.resolve("valid")).resolution(new Size2(64, 64)).seqLength(2).validationFrames(4)
                .steps(4).checkpointEvery(2).threads(1).workDir(work);
    }

    @Test
    void smoke() throws Exception {
        Path work = dir.resolve("smoke");
        TrainingResult r = Trainer.run(tiny(work).output(dir.resolve("out.onnx")).build(), new TrainingListener() {
            @Override
            public void step(long step, long total, java.util.Map<String, Double> losses, double seconds) {
                System.out.println("step " + step + " " + losses + " " + seconds);
            }

            @Override
            public void message(String line) {
                System.out.println(line);
            }
        });
        System.out.println(r);
        assertTrue(Files.isRegularFile(dir.resolve("out.onnx")));
        List<String> csv = Files.readAllLines(r.lossesCsv());
        assertEquals(5, csv.size());
    }
}
