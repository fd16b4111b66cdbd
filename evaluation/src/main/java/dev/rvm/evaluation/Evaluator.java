package dev.rvm.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the evaluation of every clip on a small worker pool. Work is cut into runs of consecutive
 * frames (not whole clips) so that one long clip still keeps every worker busy; each run re-reads
 * only the frame before it, for dtSSD.
 */
public final class Evaluator {
    /** Frames per work item: long enough that the extra previous-frame read is noise. */
    static final int FRAMES_PER_TASK = 16;

    private Evaluator() {
    }

    public static EvaluationResult evaluate(EvaluationSettings settings) {
        List<Clip> clips = ClipFinder.find(settings.predDir(), settings.trueDir(), settings.needsForeground());
        List<ClipScores> scores = new ArrayList<>();
        Queue<Task> tasks = new ConcurrentLinkedQueue<>();
        for (Clip clip : clips) {
            ClipScores clipScores = new ClipScores(clip, settings.metrics());
            scores.add(clipScores);
            for (int from = 0; from < clip.frames().size(); from += FRAMES_PER_TASK) {
                tasks.add(new Task(clipScores, from, Math.min(from + FRAMES_PER_TASK, clip.frames().size())));
            }
        }
        runAll(tasks, settings);
        return new EvaluationResult(settings.metrics(), scores);
    }

    private record Task(ClipScores scores, int from, int to) {
    }

    private static void runAll(Queue<Task> tasks, EvaluationSettings settings) {
        int workers = Math.min(settings.workers(), tasks.size());
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "rvm-evaluate-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // The first failure stops every worker at its next task; it is the one the user sees.
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> work(tasks, settings, failure)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void work(Queue<Task> tasks, EvaluationSettings settings, AtomicReference<RuntimeException> failure) {
        try (FrameScorer scorer = new FrameScorer(settings.metrics())) {
            Task task;
            while (failure.get() == null && (task = tasks.poll()) != null) {
                scorer.score(task.scores(), task.from(), task.to());
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }
}
