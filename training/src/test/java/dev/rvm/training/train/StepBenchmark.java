package dev.rvm.training.train;

import dev.rvm.models.ModelRegistry;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Time per step and peak resident memory of the matting pass for one configuration (one JVM per
 * configuration: the peak is per process). Not a test; run by hand, figures go to docs/training.md:
 * {@code java -cp ... dev.rvm.training.train.StepBenchmark WIDTH HEIGHT FRAMES BATCH STEPS [resnet50] [ratio]}.
 */
public final class StepBenchmark {
    private StepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int w = Integer.parseInt(args[0]);
        int h = Integer.parseInt(args[1]);
        int t = Integer.parseInt(args[2]);
        int b = Integer.parseInt(args[3]);
        int steps = Integer.parseInt(args[4]);
        Variant variant = args.length > 5 ? Variant.parse(args[5]) : Variant.MOBILENETV3;
        float ratio = args.length > 6 ? Float.parseFloat(args[6]) : 1f;
        TorchRuntime.start(0);
        long base = MemoryEstimate.resident();
        Path dir = Files.createTempDirectory("rvm-step-benchmark");
        TinyDatasets.videoMatte(dir.resolve("d"), 1, t + 2, w, h);
        TinyDatasets.backgrounds(dir.resolve("bg"), 1, 0, w, h);
        MattingDataset data = MattingDataset.open(dir.resolve("d"), Backgrounds.open(dir.resolve("bg")), t, Math.max(w, h), true);
        Batch batch = new BatchSource(data, MotionAugmentation.Settings.VIDEO_MATTE_TRAIN, new Size2(w, h), b, t, 1).matting(0);
        Map<ParamGroup, Double> rates = new EnumMap<>(ParamGroup.class);
        for (ParamGroup g : ParamGroup.values()) {
            rates.put(g, 1e-5);
        }
        try (MattingNetwork net = new MattingNetwork(variant, RefinerKind.FAST_GUIDED_FILTER, 1);
             Adam adam = new Adam(net.params().trainable(), rates);
             Passes passes = new Passes(net, adam, false, 1)) {
            if (variant == Variant.MOBILENETV3) {
                ConvertedModel.read(ModelRegistry.resolve(ModelRegistry.MOBILENETV3)).loadInto(net);
            }
            long loaded = MemoryEstimate.resident();
            double sum = 0;
            for (int s = 0; s < steps; s++) {
                long t0 = System.nanoTime();
                passes.matting(batch, ratio, s, 0);
                double sec = (System.nanoTime() - t0) / 1e9;
                if (s > 0) {
                    sum += sec;
                }
            }
            System.out.printf(Locale.ROOT, "%s %dx%d T=%d B=%d ratio %.2f: %.2f s/step (%d steps after the first), "
                            + "peak RSS %.2f GiB (start %.2f, loaded %.2f), %d threads, %s, load %.2f%n",
                    variant.cliName(), w, h, t, b, ratio, sum / Math.max(1, steps - 1), steps - 1,
                    MemoryEstimate.peakResident() / 1073741824.0, base / 1073741824.0, loaded / 1073741824.0,
                    TorchRuntime.threads(), Machine.processor(), Machine.load());
        }
    }
}
