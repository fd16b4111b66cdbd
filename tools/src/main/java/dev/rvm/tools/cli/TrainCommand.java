package dev.rvm.tools.cli;

import dev.rvm.evaluation.Metric;
import dev.rvm.training.net.RefinerKind;
import dev.rvm.training.net.Variant;
import dev.rvm.training.train.Machine;
import dev.rvm.training.train.MemoryEstimate;
import dev.rvm.training.train.Size2;
import dev.rvm.training.train.Stage;
import dev.rvm.training.train.Trainer;
import dev.rvm.training.train.TrainingConfig;
import dev.rvm.training.train.TrainingListener;
import dev.rvm.training.train.TrainingResult;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code ./rvm train}: upstream RVM's training and fine-tuning; options map one to one onto {@link TrainingConfig}. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains or fine-tunes the matting network as upstream's train.py: stages 1-4 with their learning rates, "
                + "sizes and sequence lengths (every value can be changed), motion and temporal augmentation, checkpoints and "
                + "resume, validation on held-out clips with the evaluation metrics, a CSV of losses and an HTML report.",
                "Data: --data in VideoMatte240K's layout (fgr/CLIP/FRAME + pha/CLIP/FRAME) or ImageMatte's (fgr/NAME + pha/NAME), "
                        + "composited on the fly over --backgrounds (images, and/or subdirectories of video frames).",
                "Time per step on a shared 2-core machine: 0.88 s at 200x150 x 4 frames, 7.5 s at 256x256 x 4 (docs/training.md). "
                        + "A configuration that needs more memory than is available is refused before it starts.",
                "Guide: docs/training.md."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Training matting data (VideoMatte or ImageMatte layout).")
    Path data;

    @Option(names = "--backgrounds", required = true, paramLabel = "DIR", description = "Background images and/or clips (subdirectories of frames).")
    Path backgrounds;

    @Option(names = "--segmentation", paramLabel = "DIR", description = "Person segmentation data, repeatable: COCO "
            + "(annotations/instances_NAME.json + NAME/), YouTubeVIS (instances.json + JPEGImages/) or Supervisely (img/ + seg/).")
    List<Path> segmentation = new ArrayList<>();

    @Option(names = "--validation", paramLabel = "DIR", description = "Held-out clips (VideoMatte layout), scored at the start of every epoch and at the end.")
    Path validation;

    @Option(names = "--validation-backgrounds", paramLabel = "DIR", description = "Backgrounds of the held-out clips (clip i over background i). Default: --backgrounds.")
    Path validationBackgrounds;

    @Option(names = "--stage", defaultValue = "1", paramLabel = "1..4", description = "Upstream's stage whose settings are the defaults. Default: ${DEFAULT-VALUE}.")
    int stage;

    @Option(names = "--variant", defaultValue = "mobilenetv3", paramLabel = "NAME", description = "mobilenetv3 or resnet50. Default: ${DEFAULT-VALUE}.")
    String variant;

    @Option(names = "--refiner", defaultValue = "fast_guided_filter", paramLabel = "NAME",
            description = "fast_guided_filter (the built-in model's, no weights) or deep_guided_filter (learnable). Default: ${DEFAULT-VALUE}.")
    String refiner;

    @Option(names = "--init", paramLabel = "mobilenetv3|none|FILE", description = "Starting weights: the built-in model, a fresh "
            + "initialisation, an .onnx file in the converted layout, or a .ckpt. Default: mobilenetv3 (resnet50: none).")
    String init;

    @Option(names = "--steps", paramLabel = "N", description = "Steps to train (instead of the stage's epochs).")
    Long steps;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs over --data (stage default: 20, 2, 1, 5).")
    Integer epochs;

    @Option(names = "--resolution", paramLabel = "WxH", description = "Low-resolution training size. Stage default: 512x512.")
    String resolution;

    @Option(names = "--seq-length", paramLabel = "T", description = "Frames per sequence. Stage default: 15, 50, 40, 40.")
    Integer seqLength;

    @Option(names = "--batch", defaultValue = "1", paramLabel = "B", description = "Sequences per step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--train-hr", negatable = true, description = "The high-resolution pass (stages 3 and 4 have it).")
    Boolean trainHr;

    @Option(names = "--hr-resolution", paramLabel = "WxH", description = "High-resolution size. Default: 2048x2048.")
    String hrResolution;

    @Option(names = "--hr-seq-length", paramLabel = "T", description = "Frames per high-resolution sequence. Default: 6.")
    Integer hrSeqLength;

    @Option(names = "--downsample-ratio", defaultValue = "0.25", paramLabel = "R", description = "Ratio of the high-resolution pass. Default: ${DEFAULT-VALUE}.")
    float downsampleRatio;

    @Option(names = "--lr-backbone", paramLabel = "LR", description = "Learning rate of the encoder (stage default).")
    Double lrBackbone;

    @Option(names = "--lr-aspp", paramLabel = "LR", description = "Learning rate of LR-ASPP (stage default).")
    Double lrAspp;

    @Option(names = "--lr-decoder", paramLabel = "LR", description = "Learning rate of the decoder and the projections (stage default).")
    Double lrDecoder;

    @Option(names = "--lr-refiner", paramLabel = "LR", description = "Learning rate of the deep guided filter (stage default).")
    Double lrRefiner;

    @Option(names = "--random-crop", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Upstream's random multi-scale crop of every batch. Default: on.")
    boolean randomCrop;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the data order, augmentation and new weights. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "PyTorch threads, 0 = one per core.")
    int threads;

    @Option(names = "--output", paramLabel = "FILE", description = "The trained model: .onnx (for rvmmatte and ./rvm convert --model) or .ckpt.")
    Path output;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Checkpoints, losses.csv, validation.csv, report.html. Default: OUTPUT.training/ (without --output: ./training-run/).")
    Path workDir;

    @Option(names = "--checkpoint-every", defaultValue = "500", paramLabel = "N", description = "Steps between checkpoints. Default: ${DEFAULT-VALUE}.")
    int checkpointEvery;

    @Option(names = "--resume", description = "Continue from the newest checkpoint in --work-dir (same settings required).")
    boolean resume;

    @Option(names = "--validation-size", paramLabel = "WxH", description = "Size of the held-out clips. Default: --resolution.")
    String validationSize;

    @Option(names = "--validation-ratio", defaultValue = "1", paramLabel = "R", description = "Downsample ratio of the validation. Default: ${DEFAULT-VALUE}.")
    float validationRatio;

    @Option(names = "--validation-frames", defaultValue = "0", paramLabel = "N", description = "Frames per held-out clip. Default: max(8, T).")
    int validationFrames;

    @Option(names = "--validate-every", defaultValue = "0", paramLabel = "N", description = "Steps between validations. Default: every epoch.")
    int validateEvery;

    @Option(names = "--memory-limit", paramLabel = "SIZE", description = "Memory the run may use, e.g. 8G (default: what is available).")
    String memoryLimit;

    @Override
    public Integer call() throws Exception {
        TrainingConfig.Builder b = TrainingConfig.builder(Stage.of(stage)).variant(Variant.parse(variant))
                .refiner(RefinerKind.parse(refiner)).data(data).backgrounds(backgrounds).segmentation(segmentation)
                .validation(validation).validationBackgrounds(validationBackgrounds).batch(batch)
                .hrDownsampleRatio(downsampleRatio).randomCrop(randomCrop).seed(seed).threads(threads).output(output)
                .workDir(workDir).checkpointEvery(checkpointEvery).resume(resume).validationRatio(validationRatio)
                .validationFrames(validationFrames).validateEvery(validateEvery);
        // an option left out keeps the stage's value
        whenGiven(init, b::init);
        whenGiven(steps, b::steps);
        whenGiven(epochs, b::epochs);
        whenGiven(resolution, v -> b.resolution(Size2.parse(v, "--resolution")));
        whenGiven(seqLength, b::seqLength);
        whenGiven(trainHr, b::trainHr);
        whenGiven(hrResolution, v -> b.hrResolution(Size2.parse(v, "--hr-resolution")));
        whenGiven(hrSeqLength, b::hrSeqLength);
        whenGiven(lrBackbone, b::lrBackbone);
        whenGiven(lrAspp, b::lrAspp);
        whenGiven(lrDecoder, b::lrDecoder);
        whenGiven(lrRefiner, b::lrRefiner);
        whenGiven(validationSize, v -> b.validationSize(Size2.parse(v, "--validation-size")));
        whenGiven(memoryLimit, v -> b.memoryLimit(parseBytes(v)));
        TrainingConfig config = b.build();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "rvm train: stage %d, %s, %d x %d frames at %s%s; %s, load %.2f%n", config.stage().number(),
                config.variant().cliName(), config.batch(), config.seqLength(), config.resolution(),
                config.trainHr() ? " + high resolution " + config.hrSeqLength() + " at " + config.hrResolution() : "",
                Machine.processor(), Machine.load());
        err.flush();
        ProgressPrinter progress = new ProgressPrinter(err);
        TrainingResult r;
        try {
            r = Trainer.run(config, progress);
        } finally {
            progress.close();
        }
        err.printf(Locale.ROOT, "rvm train: %d steps, %.2f s/step, peak memory %s; losses %s, report %s%s%n", r.steps(),
                r.secondsPerStep(), MemoryEstimate.gib(r.peakResidentBytes()), r.lossesCsv(), r.report(),
                r.output() == null ? "" : ", model " + r.output());
        if (r.firstValidation() != null) {
            err.printf(Locale.ROOT, "rvm train: held-out pha_mad %s -> %s, pha_mse %s -> %s%n",
                    fmt(r.firstValidation().get(Metric.PHA_MAD)), fmt(r.lastValidation().get(Metric.PHA_MAD)),
                    fmt(r.firstValidation().get(Metric.PHA_MSE)), fmt(r.lastValidation().get(Metric.PHA_MSE)));
        }
        err.flush();
        return 0;
    }

    private static <T> void whenGiven(T option, Consumer<T> setter) {
        if (option != null) {
            setter.accept(option);
        }
    }

    private static String fmt(Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    static long parseBytes(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long unit = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        if (last == 'K' || last == 'M' || last == 'G' || last == 'T') {
            unit = switch (last) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                case 'G' -> 1L << 30;
                default -> 1L << 40;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            return (long) (Double.parseDouble(t) * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--memory-limit must be a size such as 8G or 512M; got '" + text + "'");
        }
    }

    /** The progress bar with the latest loss and the time per step; validations and messages above it. */
    private static final class ProgressPrinter implements TrainingListener, AutoCloseable {
        private final PrintWriter err;
        private ProgressBar bar;
        private double smoothed = Double.NaN;

        ProgressPrinter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void started(long firstStep, long totalSteps, long stepsPerEpoch) {
            err.printf("rvm train: %d steps (%d per epoch)%s%n", totalSteps, stepsPerEpoch, firstStep > 0 ? ", from step " + firstStep : "");
            err.flush();
            bar = new ProgressBarBuilder().setTaskName("Training").setInitialMax(totalSteps).setUnit(" steps", 1)
                    .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build();
            bar.stepTo(firstStep);
        }

        @Override
        public void step(long step, long totalSteps, Map<String, Double> losses, double seconds) {
            smoothed = Double.isNaN(smoothed) ? seconds : 0.9 * smoothed + 0.1 * seconds;
            bar.stepTo(step + 1);
            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f, %.2f s/step", losses.get("total"), smoothed));
        }

        @Override
        public void validated(long step, Map<Metric, Double> scores) {
            StringBuilder s = new StringBuilder("rvm train: validation at step " + step + ":");
            scores.forEach((m, v) -> s.append(' ').append(m.columnName()).append(' ').append(fmt(v)));
            message(s.toString());
        }

        @Override
        public void message(String line) {
            if (bar != null) {
                // keep the line above the bar
                err.print("\r");
            }
            err.println(line.startsWith("rvm train") ? line : "rvm train: " + line);
            err.flush();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
