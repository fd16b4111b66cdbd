package dev.rvm.training.train;

import dev.rvm.evaluation.Metric;
import dev.rvm.training.augment.MotionAugmentation;
import dev.rvm.training.data.Backgrounds;
import dev.rvm.training.data.MattingDataset;
import dev.rvm.training.data.SegmentationDataset;
import dev.rvm.training.engine.TorchRuntime;
import dev.rvm.training.net.MattingNetwork;
import dev.rvm.training.net.ParamGroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Upstream's training loop (train.py) on DJL: per step the low-resolution matting pass, the
 * high-resolution pass when the stage has one, and a segmentation pass (video on even steps,
 * images on odd ones) when segmentation data is given; validation at the start of every epoch
 * and at the end; checkpoints every N steps and at the end; then the export.
 *
 * <p>Everything that can be checked before the first step is: the output, the memory the run
 * needs, every dataset's layout, a resumed run's settings.
 */
public final class Trainer {
    static final List<String> LOSS_COLUMNS = List.of("step", "epoch", "total", "pha_l1", "pha_laplacian", "pha_coherence",
            "fgr_l1", "fgr_coherence", "hr_total", "seg", "seconds");

    private final TrainingConfig c;
    private final TrainingListener listener;

    private Trainer(TrainingConfig c, TrainingListener listener) {
        this.c = c;
        this.listener = listener;
    }

    public static TrainingResult run(TrainingConfig config, TrainingListener listener) throws IOException {
        return new Trainer(config, listener).run();
    }

    private TrainingResult run() throws IOException {
        ModelFiles.checkOutput(c);
        // cheap refusal first: before datasets are even listed
        MemoryEstimate.requireFits(c);
        dev.rvm.matting.compositing.OpenCvLoader.ensureLoaded();
        org.opencv.core.Core.setNumThreads(1); // the loader thread must not compete with PyTorch's threads
        Backgrounds backgrounds = Backgrounds.open(c.backgrounds());
        MattingDataset data = MattingDataset.open(c.data(), backgrounds, c.seqLength(), c.resolution().longSide(), true);
        MotionAugmentation.Settings preset = data.stills() ? MotionAugmentation.Settings.IMAGE_MATTE_TRAIN
                : MotionAugmentation.Settings.VIDEO_MATTE_TRAIN;
        BatchSource lr = new BatchSource(data, preset, c.resolution(), c.batch(), c.seqLength(), c.seed());
        BatchSource hr = null;
        if (c.trainHr()) {
            MattingDataset hrData = MattingDataset.open(c.data(), backgrounds, c.hrSeqLength(), c.hrResolution().longSide(), true);
            hr = new BatchSource(hrData, preset, c.hrResolution(), c.batch(), c.hrSeqLength(), c.seed() + 1);
        }
        List<SegmentationDataset> segmentation = new ArrayList<>();
        for (Path dir : c.segmentation()) {
            segmentation.add(SegmentationDataset.open(dir, c.seqLength(), c.resolution().longSide()));
        }
        HeldOutSet validation = c.validation() == null ? null
                : new HeldOutSet(c.validation(), Backgrounds.open(c.validationBackgrounds()), c.validationSize(),
                c.validationFrames(), c.validationRatio(), c.seqLength());
        MemoryEstimate.requireFits(c, validation == null ? 0 : validation.frameCount());
        long memoryCeiling = (c.memoryLimit() > 0 ? c.memoryLimit() : MemoryEstimate.available()) + MemoryEstimate.resident();
        MemoryEstimate.describe(c, validation == null ? 0 : validation.frameCount()).forEach(listener::message);
        TorchRuntime.start(c.threads());
        listener.message("data: " + data.describe() + "; backgrounds " + backgrounds.imageCount() + " images, "
                + backgrounds.videoCount() + " clips");
        segmentation.forEach(s -> listener.message("segmentation: " + s.describe()));
        if (validation != null) {
            listener.message("validation: " + validation.clipCount() + " clips, " + validation.frameCount() + " frames at "
                    + c.validationSize() + ", downsample ratio " + c.validationRatio());
        }

        Path work = Files.createDirectories(c.workDir());
        Map<ParamGroup, Double> rates = new EnumMap<>(ParamGroup.class);
        rates.put(ParamGroup.BACKBONE, c.lrBackbone());
        rates.put(ParamGroup.ASPP, c.lrAspp());
        rates.put(ParamGroup.DECODER, c.lrDecoder());
        rates.put(ParamGroup.PROJECT_MAT, c.lrDecoder());
        rates.put(ParamGroup.PROJECT_SEG, c.lrDecoder());
        rates.put(ParamGroup.REFINER, c.lrRefiner());
        try (MattingNetwork net = new MattingNetwork(c.variant(), c.refiner(), c.seed());
             Adam adam = new Adam(net.params().trainable(), rates);
             Passes passes = new Passes(net, adam, c.randomCrop(), c.seed())) {
            listener.message(ModelFiles.initialise(c, net));
            long first = resume(work, net, adam);
            long perEpoch = lr.stepsPerEpoch();
            long total = c.steps() > 0 ? c.steps() : c.epochs() * perEpoch;
            listener.started(first, total, perEpoch);

            List<String> validationColumns = new ArrayList<>(List.of("step", "epoch"));
            HeldOutSet.METRICS.forEach(m -> validationColumns.add(m.columnName()));
            Map<Metric, Double> firstScores = null;
            Map<Metric, Double> lastScores = null;
            double timeSum = 0;
            int timed = 0;
            Path lastCheckpoint = null;
            ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "rvm-train-data");
                t.setDaemon(true);
                return t;
            });
            try (LossLog losses = new LossLog(work.resolve("losses.csv"), LOSS_COLUMNS, first);
                 LossLog scores = new LossLog(work.resolve("validation.csv"), validationColumns, first)) {
                Future<StepData> next = first < total ? loader.submit(load(lr, hr, segmentation, first)) : null;
                long step = first;
                for (; step < total; step++) {
                    if (validation != null && due(step, perEpoch)) {
                        lastScores = validate(validation, net, step, perEpoch, scores);
                        firstScores = firstScores == null ? lastScores : firstScores;
                    }
                    StepData d = await(next);
                    next = step + 1 < total ? loader.submit(load(lr, hr, segmentation, step + 1)) : null;
                    long t0 = System.nanoTime();
                    Map<String, Double> loss = new LinkedHashMap<>(passes.matting(d.lr(), 1f, step, 0));
                    if (d.hr() != null) {
                        loss.put("hr_total", passes.matting(d.hr(), c.hrDownsampleRatio(), step, 1).get("total"));
                    }
                    if (d.seg() != null) {
                        loss.put("seg", passes.segmentation(d.seg(), step));
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (step > first) {
                        timeSum += seconds;
                        timed++;
                    }
                    losses.append(step, step / perEpoch, loss.get("total"), loss.get("pha_l1"), loss.get("pha_laplacian"),
                            loss.get("pha_coherence"), loss.get("fgr_l1"), loss.get("fgr_coherence"),
                            loss.getOrDefault("hr_total", Double.NaN), loss.getOrDefault("seg", Double.NaN), seconds);
                    listener.step(step, total, loss, seconds);
                    boolean last = step + 1 == total;
                    if ((step + 1) % c.checkpointEvery() == 0 || last) {
                        lastCheckpoint = Checkpoint.save(work, step + 1, c.fingerprint(), net, adam);
                    }
                    if (MemoryEstimate.resident() > memoryCeiling * 0.95) {
                        Path saved = Checkpoint.save(work, step + 1, c.fingerprint(), net, adam);
                        throw new IllegalStateException("stopped at step " + (step + 1) + ": the process uses "
                                + MemoryEstimate.gib(MemoryEstimate.resident()) + ", close to the "
                                + MemoryEstimate.gib(memoryCeiling) + " the machine had; saved " + saved
                                + "; resume with --resume after freeing memory or with a smaller --resolution/--seq-length");
                    }
                }
                if (validation != null) {
                    lastScores = validate(validation, net, total, perEpoch, scores);
                    firstScores = firstScores == null ? lastScores : firstScores;
                }
            } finally {
                loader.shutdownNow();
            }
            if (c.output() != null) {
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("training", "./rvm train, stage " + c.stage().number() + ", " + total + " steps from " + c.init());
                meta.put("training_steps", Long.toString(total));
                ModelFiles.export(c, net, total, meta);
                listener.message("wrote " + c.output());
            }
            double perStep = timed > 0 ? timeSum / timed : Double.NaN;
            Path report = work.resolve("report.html");
            TrainingReport.write(report, c, work.resolve("losses.csv"), work.resolve("validation.csv"), perStep);
            return new TrainingResult(total, firstScores, lastScores, perStep, MemoryEstimate.peakResident(), c.output(),
                    work.resolve("losses.csv"), work.resolve("validation.csv"), report, lastCheckpoint);
        }
    }

    private boolean due(long step, long perEpoch) {
        return c.validateEvery() > 0 ? step % c.validateEvery() == 0 : step % perEpoch == 0;
    }

    private Map<Metric, Double> validate(HeldOutSet set, MattingNetwork net, long step, long perEpoch, LossLog log) throws IOException {
        Map<Metric, Double> s = set.score(net);
        double[] row = new double[1 + HeldOutSet.METRICS.size()];
        row[0] = (double) step / perEpoch;
        for (int i = 0; i < HeldOutSet.METRICS.size(); i++) {
            row[i + 1] = s.getOrDefault(HeldOutSet.METRICS.get(i), Double.NaN);
        }
        log.append(step, row);
        listener.validated(step, s);
        return s;
    }

    /** Continues from the newest checkpoint of the work directory when asked to; returns the first step to run. */
    private long resume(Path work, MattingNetwork net, Adam adam) throws IOException {
        if (!c.resume()) {
            return 0;
        }
        List<Path> saved = Checkpoint.list(Checkpoint.directory(work));
        if (saved.isEmpty()) {
            listener.message("resume: no checkpoint in " + Checkpoint.directory(work) + "; starting at step 0");
            return 0;
        }
        Path file = saved.get(saved.size() - 1);
        Checkpoint.Content content = Checkpoint.read(file);
        String diff = Checkpoint.differences(content.fingerprint(), c.fingerprint());
        if (!diff.isEmpty()) {
            throw new IllegalArgumentException("cannot resume from " + file + ": it was made with other settings (" + diff
                    + "); use the same settings, or another --work-dir for a new run");
        }
        Checkpoint.loadValues(content, net, file);
        Checkpoint.loadOptimizer(content, adam);
        listener.message("resumed from " + file + " at step " + content.step());
        return content.step();
    }

    private record StepData(Batch lr, Batch hr, Batch seg) {
    }

    private java.util.concurrent.Callable<StepData> load(BatchSource lr, BatchSource hr, List<SegmentationDataset> seg, long step) {
        return () -> new StepData(lr.matting(step), hr == null ? null : hr.matting(step),
                seg.isEmpty() ? null : BatchSource.segmentation(seg, step, c.batch(), c.seqLength(), c.resolution(), c.seed()));
    }

    private static StepData await(Future<StepData> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading training data", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("loading training data failed: " + cause.getMessage(), cause);
        }
    }
}
