package dev.rvm.batch;

import dev.rvm.batch.commit.ChunkCommit;
import dev.rvm.batch.commit.JobLayout;
import dev.rvm.batch.commit.Json;
import dev.rvm.batch.commit.SuccessMarker;
import dev.rvm.batch.exec.ChunkResult;
import dev.rvm.batch.exec.ChunkTask;
import dev.rvm.batch.exec.JobContext;
import dev.rvm.batch.exec.ModelShipment;
import dev.rvm.batch.exec.ProbeTask;
import dev.rvm.batch.exec.StitchTask;
import dev.rvm.batch.exec.VideoResult;
import dev.rvm.batch.job.BackgroundSpec;
import dev.rvm.batch.job.InputList;
import dev.rvm.batch.job.JobRequest;
import dev.rvm.batch.job.JobSettings;
import dev.rvm.batch.plan.ChunkPlanner;
import dev.rvm.batch.plan.ChunkSpec;
import dev.rvm.batch.plan.VideoProbe;
import dev.rvm.batch.report.Manifest;
import dev.rvm.batch.report.Progress;
import dev.rvm.batch.report.ProgressListener;
import dev.rvm.batch.report.Summary;
import dev.rvm.batch.report.VideoOutcome;
import dev.rvm.batch.spark.QuietLogging;
import dev.rvm.batch.spark.SparkSetup;
import dev.rvm.conversion.video.FrameIndex;
import dev.rvm.matting.MattingSettings;
import dev.rvm.models.AtomicFiles;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The driver of a batch run: probe every input, plan pieces, matte the pieces in parallel, stitch
 * each video, write the manifest. Only paths and piece specifications travel between machines; each
 * task reads and writes files on storage every executor sees. A video that fails (unreadable input,
 * a failed piece) fails alone; the run then exits with 1 and names it.
 */
public final class BatchRunner {

    private final JobRequest request;
    private final PrintStream out;

    public BatchRunner(JobRequest request, PrintStream out) {
        this.request = request;
        this.out = out;
    }

    /** Runs the job; returns the exit code (0: every video done or already done). */
    public int run() throws IOException {
        long t0 = System.nanoTime();
        QuietLogging.install();
        List<InputList.Input> inputs = InputList.resolve(request.input());
        AtomicFiles.ensureWritableDirectory(request.output(), "--output");
        MattingSettings m = request.matting();
        ModelShipment models = ModelShipment.of(m.model(), m.seqChunk());
        JobSettings settings = new JobSettings(m.model(), models.digest(), m.downsampleRatio(), m.seqChunk(), m.device(),
                BackgroundSpec.of(request.background()), request.outputs(), request.chunkSeconds(), request.warmupSeconds());
        settings.outputsIn(request.input(), request.output()).checkFormats();
        JobLayout layout = new JobLayout(request.output(), settings.jobId());
        SparkConf conf = SparkSetup.conf(request, new SparkConf());
        long s0 = System.nanoTime();
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            double startup = (System.nanoTime() - s0) / 1e9;
            int cpus = sc.getConf().getInt("spark.task.cpus", 1);
            out.printf(Locale.ROOT, "rvm batch: %d videos, master %s (%d cores: %d tasks at a time, %d ONNX Runtime thread%s each),"
                            + " job %s, Spark up in %.1f s%n", inputs.size(), sc.master(), sc.defaultParallelism(),
                    Math.max(1, sc.defaultParallelism() / cpus), cpus, cpus == 1 ? "" : "s", settings.jobId(), startup);

            List<VideoProbe> probes = sc.parallelize(inputs, inputs.size()).map(ProbeTask::probe).collect();
            Plan plan = plan(probes, settings, layout);
            out.printf(Locale.ROOT, "  %d pieces to matte (%d committed by an earlier run), %d videos complete before, %d unreadable%n",
                    plan.toRun.size(), plan.resumed(), plan.skipped.size(), plan.failed.size());

            Map<String, FrameIndex> indices = new HashMap<>();
            plan.work.forEach(w -> indices.put(w.probe().name(), w.probe().index()));
            LongAccumulator frames = sc.sc().longAccumulator("rvm.batch.frames");
            JobContext job = new JobContext(settings, layout.output().toString(), sc.broadcast(models), sc.broadcast(indices), frames);
            List<ChunkResult> pieces = matte(sc, plan.toRun, job);
            Map<String, List<ChunkResult>> byVideo = new HashMap<>();
            pieces.forEach(p -> byVideo.computeIfAbsent(p.video(), v -> new ArrayList<>()).add(p));

            List<StitchTask.Work> stitchable = new ArrayList<>();
            Map<String, String> pieceFailure = new HashMap<>();
            for (StitchTask.Work w : plan.work) {
                String error = byVideo.getOrDefault(w.probe().name(), List.of()).stream().filter(p -> !p.ok())
                        .map(ChunkResult::error).findFirst().orElse(null);
                if (error == null) {
                    stitchable.add(w);
                } else {
                    pieceFailure.put(w.probe().name(), error);
                }
            }
            List<VideoResult> stitched = stitchable.isEmpty() ? List.of()
                    : sc.parallelize(stitchable, stitchable.size()).map(w -> StitchTask.run(w, job)).collect();

            List<VideoOutcome> outcomes = outcomes(probes, plan, byVideo, pieceFailure, stitched, layout);
            double wall = (System.nanoTime() - t0) / 1e9;
            Map<String, Integer> sessions = new java.util.TreeMap<>();
            pieces.forEach(p -> sessions.merge(p.executor(), p.sessionsInJvm(), Math::max));
            Json.write(layout.manifest(), new Manifest(settings.jobId(), sc.master(), Instant.now().toString(), wall, startup,
                    describe(settings), outcomes, sessions));
            removeEmpty(layout.work());
            removeEmpty(layout.work().getParent());
            out.println();
            Summary.print(out, outcomes, wall, startup);
            List<String> failed = outcomes.stream().filter(VideoOutcome::failed).map(VideoOutcome::video).toList();
            if (!failed.isEmpty()) {
                out.flush();
                System.err.println("rvm batch: " + failed.size() + " of " + outcomes.size() + " videos failed: "
                        + String.join(", ", failed) + " (the others are complete; see " + layout.manifest() + ")");
                return 1;
            }
            return 0;
        }
    }

    /** What the probes leave to do. */
    private record Plan(List<ChunkSpec> toRun, List<StitchTask.Work> work, Map<String, Integer> resumedByVideo,
                        List<VideoProbe> skipped, List<VideoProbe> failed) {
        int resumed() {
            return resumedByVideo.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static Plan plan(List<VideoProbe> probes, JobSettings settings, JobLayout layout) throws IOException {
        ChunkPlanner planner = new ChunkPlanner(settings.chunkSeconds(), settings.warmupSeconds());
        Plan plan = new Plan(new ArrayList<>(), new ArrayList<>(), new HashMap<>(), new ArrayList<>(), new ArrayList<>());
        for (VideoProbe p : probes) {
            if (!p.ok()) {
                plan.failed.add(p);
                continue;
            }
            String key = p.key(settings.jobId());
            SuccessMarker done = SuccessMarker.read(layout.success(p.name()));
            if (done != null && key.equals(done.videoKey()) && done.present(layout.video(p.name()))) {
                plan.skipped.add(p);
                continue;
            }
            List<ChunkSpec> chunks = planner.plan(p, key);
            int resumed = 0;
            for (ChunkSpec c : chunks) {
                if (ChunkCommit.committed(layout, c) != null) {
                    resumed++;
                } else {
                    plan.toRun.add(c);
                }
            }
            plan.resumedByVideo.put(p.name(), resumed);
            plan.work.add(new StitchTask.Work(p, chunks));
        }
        return plan;
    }

    private List<ChunkResult> matte(JavaSparkContext sc, List<ChunkSpec> toRun, JobContext job) {
        if (toRun.isEmpty()) {
            return List.of();
        }
        Progress progress = new Progress(out, toRun, 10);
        ProgressListener listener = new ProgressListener(progress, job.framesWritten().id());
        sc.sc().addSparkListener(listener);
        sc.setLocalProperty(ProgressListener.STAGE_PROPERTY, ProgressListener.MATTING);
        try {
            List<ChunkResult> results = sc.parallelize(toRun, toRun.size()).map(c -> ChunkTask.run(c, job)).collect();
            progress.complete(results.stream().map(ChunkResult::ok).toList());
            return results;
        } finally {
            sc.setLocalProperty(ProgressListener.STAGE_PROPERTY, null);
            sc.sc().removeSparkListener(listener);
        }
    }

    private static List<VideoOutcome> outcomes(List<VideoProbe> probes, Plan plan, Map<String, List<ChunkResult>> pieces,
                                               Map<String, String> pieceFailure, List<VideoResult> stitched, JobLayout layout) {
        Map<String, VideoResult> stitch = new HashMap<>();
        stitched.forEach(s -> stitch.put(s.video(), s));
        Map<String, StitchTask.Work> work = new HashMap<>();
        plan.work.forEach(w -> work.put(w.probe().name(), w));
        List<VideoOutcome> out = new ArrayList<>();
        for (VideoProbe p : probes) {
            String dir = layout.video(p.name()).toString();
            if (!p.ok()) {
                out.add(new VideoOutcome(p.name(), p.path(), VideoOutcome.FAILED, 0, 0, 0, 0, null, p.error(), List.of()));
            } else if (plan.skipped.contains(p)) {
                out.add(new VideoOutcome(p.name(), p.path(), VideoOutcome.SKIPPED, p.index().frames(), 0, 0, 0, dir, null, List.of()));
            } else {
                int chunks = work.get(p.name()).chunks().size();
                int resumed = plan.resumedByVideo.getOrDefault(p.name(), 0);
                double seconds = pieces.getOrDefault(p.name(), List.of()).stream().mapToDouble(ChunkResult::seconds).sum();
                VideoResult s = stitch.get(p.name());
                String error = pieceFailure.containsKey(p.name()) ? pieceFailure.get(p.name()) : s != null && !s.ok() ? s.error() : null;
                if (s != null) {
                    seconds += s.seconds();
                }
                List<String> executors = pieces.getOrDefault(p.name(), List.of()).stream().map(ChunkResult::executor)
                        .distinct().sorted().toList();
                out.add(new VideoOutcome(p.name(), p.path(), error == null ? VideoOutcome.DONE : VideoOutcome.FAILED,
                        p.index().frames(), chunks, resumed, seconds, error == null ? dir : null, error, executors));
            }
        }
        return out;
    }

    private static Map<String, Object> describe(JobSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", s.model());
        m.put("modelSha256", s.modelSha256());
        m.put("downsampleRatio", s.downsampleRatio() == 0f ? "auto" : s.downsampleRatio());
        m.put("seqChunk", s.seqChunk());
        m.put("device", s.device().name());
        m.put("background", s.background());
        m.put("outputs", s.outputs());
        m.put("chunkSeconds", s.chunkSeconds());
        m.put("warmupSeconds", s.warmupSeconds());
        return m;
    }

    private static void removeEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }
}
