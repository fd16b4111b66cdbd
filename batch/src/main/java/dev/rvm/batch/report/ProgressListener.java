package dev.rvm.batch.report;

import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.TaskEndReason;
import org.apache.spark.Success$;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds {@link Progress} from Spark's listener bus: the end of each task of the matting job, and the
 * frame counter's per-task values that executors send with their heartbeats.
 */
public final class ProgressListener extends SparkListener {

    /** The local property that marks the matting job. */
    public static final String STAGE_PROPERTY = "rvm.batch.stage";
    public static final String MATTING = "matting";

    private final Progress progress;
    private final long framesAccumulator;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> runningFrames = new ConcurrentHashMap<>();

    public ProgressListener(Progress progress, long framesAccumulatorId) {
        this.progress = progress;
        this.framesAccumulator = framesAccumulatorId;
    }

    @Override
    public void onJobStart(SparkListenerJobStart job) {
        if (job.properties() != null && MATTING.equals(job.properties().getProperty(STAGE_PROPERTY))) {
            for (Object id : CollectionConverters.asJava(job.stageIds())) {
                stages.add((Integer) id);
            }
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart task) {
        if (stages.contains(task.stageId())) {
            runningFrames.put(task.taskInfo().taskId(), 0L);
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd task) {
        if (!stages.contains(task.stageId())) {
            return;
        }
        runningFrames.remove(task.taskInfo().taskId());
        TaskEndReason reason = task.reason();
        if (reason == Success$.MODULE$) {
            progress.pieceDone(task.taskInfo().index(), true); // a piece that failed inside its task shows at completion
        }
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t : CollectionConverters.asJava(update.accumUpdates())) {
            long taskId = (Long) t._1();
            if (!runningFrames.containsKey(taskId)) {
                continue;
            }
            for (AccumulableInfo a : CollectionConverters.asJava(t._4())) {
                if (a.id() == framesAccumulator && a.update().isDefined()) {
                    runningFrames.put(taskId, ((Number) a.update().get()).longValue());
                }
            }
        }
        progress.running(runningFrames.values().stream().mapToLong(Long::longValue).sum());
    }
}
