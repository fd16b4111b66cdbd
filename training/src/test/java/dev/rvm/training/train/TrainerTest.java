package dev.rvm.training.train;

import dev.rvm.evaluation.Metric;
import dev.rvm.models.OnnxModelInfo;
import dev.rvm.training.augment.MotionAugmentation;
import dev.rvm.training.data.Backgrounds;
import dev.rvm.training.data.MattingDataset;
import dev.rvm.training.data.TinyDatasets;
import dev.rvm.training.engine.TorchRuntime;
import dev.rvm.training.net.MattingNetwork;
import dev.rvm.training.net.ParamGroup;
import dev.rvm.training.net.RefinerKind;
import dev.rvm.training.net.Variant;
import dev.rvm.training.onnx.ConvertedModel;
import dev.rvm.models.ModelRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trainer on tiny data (64x64, two frames per sequence), with the real built-in weights. */
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
                .threads(1).workDir(work);
    }

    @Test
    void lossFallsOnAFixedBatch() throws Exception {
        MattingDataset data = MattingDataset.open(dir.resolve("train"), Backgrounds.open(dir.resolve("bg")), 2, 64, true);
        Batch batch = new BatchSource(data, MotionAugmentation.Settings.VIDEO_MATTE_TRAIN, new Size2(64, 64), 1, 2, 7).matting(0);
        Map<ParamGroup, Double> rates = new EnumMap<>(ParamGroup.class);
        for (ParamGroup g : ParamGroup.values()) {
            rates.put(g, 1e-3);
        }
        List<Double> totals = new ArrayList<>();
        try (MattingNetwork net = new MattingNetwork(Variant.MOBILENETV3, RefinerKind.FAST_GUIDED_FILTER, 1);
             Adam adam = new Adam(net.params().trainable(), rates);
             Passes passes = new Passes(net, adam, false, 1)) {
            ConvertedModel.read(ModelRegistry.resolve(ModelRegistry.MOBILENETV3)).loadInto(net);
            for (int step = 0; step < 8; step++) {
                totals.add(passes.matting(batch, 1f, step, 0).get("total"));
            }
        }
        System.out.println("fixed-batch loss: " + totals);
        double first = totals.get(0);
        double best = totals.subList(5, 8).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertTrue(best < 0.5 * first, "loss should at least halve over 8 steps on one batch: " + totals);
    }

    @Test
    void resumingFromACheckpointContinuesTheSameCurve() throws Exception {
        Path whole = dir.resolve("whole");
        Trainer.run(tiny(whole).steps(4).checkpointEvery(2).build(), new TrainingListener() { });
        Path split = dir.resolve("split");
        Trainer.run(tiny(split).steps(2).checkpointEvery(2).build(), new TrainingListener() { });
        long[] resumedAt = {-1};
        Trainer.run(tiny(split).steps(4).checkpointEvery(2).resume(true).build(), new TrainingListener() {
            @Override
            public void started(long firstStep, long totalSteps, long stepsPerEpoch) {
                resumedAt[0] = firstStep;
            }
        });
        assertEquals(2, resumedAt[0]);
        List<double[]> a = LossLog.read(whole.resolve("losses.csv"));
        List<double[]> b = LossLog.read(split.resolve("losses.csv"));
        assertEquals(4, a.size());
        assertEquals(4, b.size());
        for (int step = 0; step < 4; step++) {
            // every loss term of every step, bit for bit (the timing column differs)
            double[] x = java.util.Arrays.copyOf(a.get(step), a.get(step).length - 1);
            double[] y = java.util.Arrays.copyOf(b.get(step), b.get(step).length - 1);
            assertArrayEquals(x, y, "step " + step);
        }
        assertTrue(a.get(3)[2] != a.get(2)[2], "the steps differ from each other");
        Checkpoint.Content end1 = Checkpoint.read(whole.resolve("checkpoints").resolve("step-00000004.ckpt"));
        Checkpoint.Content end2 = Checkpoint.read(split.resolve("checkpoints").resolve("step-00000004.ckpt"));
        for (String name : end1.values().keySet()) {
            assertArrayEquals(end1.values().get(name), end2.values().get(name), name);
        }
    }

    @Test
    void resumingWithOtherSettingsIsRefused() throws Exception {
        Path work = dir.resolve("other");
        Trainer.run(tiny(work).steps(1).checkpointEvery(1).build(), new TrainingListener() { });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.run(tiny(work).steps(2).seqLength(3).resume(true).build(), new TrainingListener() { }));
        assertTrue(e.getMessage().contains("seq_length: 2 -> 3"), e.getMessage());
    }

    @Test
    void aConfigurationThatCannotFitIsRefusedBeforeAnythingStarts() {
        // upstream's stage 1 with a batch of 4 needs far more than 8 GiB; killed at 24 GiB on these machines
        TrainingConfig big = TrainingConfig.builder(Stage.ONE).data(dir.resolve("train")).backgrounds(dir.resolve("bg"))
                .batch(4).steps(1).memoryLimit(8L << 30).workDir(dir.resolve("big")).build();
        assertTrue(MemoryEstimate.estimate(big) > 24L << 30, MemoryEstimate.gib(MemoryEstimate.estimate(big)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.run(big, new TrainingListener() { }));
        assertTrue(e.getMessage().contains("needs about") && e.getMessage().contains("8.0 GiB is the --memory-limit")
                && e.getMessage().contains("lower --resolution, --seq-length or --batch"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("big")), "nothing is written for a refused run");
        // the tiny configuration fits in what this machine has
        MemoryEstimate.requireFits(tiny(dir.resolve("t")).steps(1).build());
    }

    @Test
    void stageThreeRunsEveryPassWithResNet50AndTheDeepGuidedFilter() throws Exception {
        Path seg = dir.resolve("seg");
        TinyDatasets.coco(seg.resolve("coco"), 72, 64);
        TinyDatasets.youTubeVis(seg.resolve("ytvis"), 72, 64);
        Path out = dir.resolve("resnet.ckpt");
        TrainingConfig c = TrainingConfig.builder(Stage.THREE).variant(Variant.RESNET50).refiner(RefinerKind.DEEP_GUIDED_FILTER)
                .data(dir.resolve("train")).backgrounds(dir.resolve("bg")).segmentation(List.of(seg.resolve("coco"), seg.resolve("ytvis")))
                .resolution(new Size2(64, 64)).seqLength(2).hrResolution(new Size2(96, 96)).hrSeqLength(2).hrDownsampleRatio(0.5f)
                .steps(2).threads(1).output(out).workDir(dir.resolve("stage3")).build();
        assertTrue(c.trainHr(), "stage 3 has the high-resolution pass");
        assertEquals(2e-4, c.lrRefiner());
        assertThrows(IllegalArgumentException.class, () -> Trainer.run(TrainingConfig.builder(Stage.THREE).variant(Variant.RESNET50)
                .data(dir.resolve("train")).backgrounds(dir.resolve("bg")).steps(1).output(dir.resolve("no.onnx")).build(),
                new TrainingListener() { }), "resnet50 has no ONNX form for the element");
        TrainingResult r = Trainer.run(c, new TrainingListener() { });
        List<double[]> rows = LossLog.read(r.lossesCsv());
        for (double[] row : rows) {
            int hr = Trainer.LOSS_COLUMNS.indexOf("hr_total");
            int sg = Trainer.LOSS_COLUMNS.indexOf("seg");
            assertTrue(Double.isFinite(row[2]) && Double.isFinite(row[hr]) && Double.isFinite(row[sg]), java.util.Arrays.toString(row));
        }
        // the checkpoint-format output starts the next run
        Checkpoint.Content saved = Checkpoint.read(out);
        assertTrue(saved.values().containsKey("refiner.box_filter.weight"));
        try (MattingNetwork net = new MattingNetwork(Variant.RESNET50, RefinerKind.DEEP_GUIDED_FILTER, 9)) {
            TrainingConfig next = TrainingConfig.builder(Stage.FOUR).variant(Variant.RESNET50).refiner(RefinerKind.DEEP_GUIDED_FILTER)
                    .init(out.toString()).data(dir.resolve("train")).backgrounds(dir.resolve("bg")).steps(1).build();
            assertTrue(ModelFiles.initialise(next, net).contains("checkpoint"));
            assertArrayEquals(saved.values().get("refiner.box_filter.weight"), net.params().get("refiner.box_filter.weight").toFloats());
        }
    }

    @Test
    void aTrainedModelIsWrittenAsAnRvmOnnxFileWithItsValidation() throws Exception {
        Path out = dir.resolve("tuned.onnx");
        TrainingResult r = Trainer.run(tiny(dir.resolve("export")).steps(2).output(out).build(), new TrainingListener() { });
        OnnxModelInfo info = OnnxModelInfo.readRvm(out);
        assertTrue(info.metadata().get("training").contains("2 steps"), info.metadata().toString());
        assertTrue(r.firstValidation().get(Metric.PHA_MAD) > 0);
        assertTrue(Files.readString(r.report()).contains("<svg"), "the report has its charts");
        // validated before the first step and after the last
        assertEquals(2, LossLog.read(r.validationCsv()).size());
    }
}
