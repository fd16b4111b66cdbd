package dev.rvm.batch.spark;

import dev.rvm.batch.job.JobRequest;
import org.apache.spark.SparkConf;

import java.io.IOException;
import java.util.Map;

/**
 * The Spark configuration of a batch run. Embedded ({@code local[N]}): bound to 127.0.0.1, no web UI.
 * On a cluster: Spark's authentication on with the secret from a file or the environment, native
 * memory (ONNX Runtime, GStreamer) reserved as {@code spark.executor.memoryOverhead}. Always: one
 * task per {@code spark.task.cpus} cores with that many ONNX Runtime threads, and no speculation
 * (tasks write files; a speculative copy would only race the commit).
 */
public final class SparkSetup {

    /** ONNX Runtime threads per task when none are asked for (docs/batch.md, "Threads or tasks"). */
    public static final int DEFAULT_TASK_THREADS = 1;
    static final String SECRET = "spark.authenticate.secret";

    private SparkSetup() {
    }

    public static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    /**
     * @param inherited what spark-submit (or the JVM's spark.* properties) already set
     */
    public static SparkConf conf(JobRequest r, SparkConf inherited) throws IOException {
        SparkConf conf = inherited.clone();
        for (String key : r.conf().keySet()) {
            if (key.equals(SECRET)) {
                throw new IllegalArgumentException("--conf " + SECRET + " would put the cluster's secret on the command line,"
                        + " where any user of this machine can read it; use --auth-secret-file FILE or " + ClusterSecret.ENV);
            }
        }
        String master = r.master() != null ? r.master() : conf.get("spark.master", "local[*]");
        conf.setMaster(master);
        conf.setIfMissing("spark.app.name", "rvm-batch");
        int threads = r.matting().threads() > 0 ? r.matting().threads() : DEFAULT_TASK_THREADS;
        if (r.matting().threads() > 0 || !conf.contains("spark.task.cpus")) {
            conf.set("spark.task.cpus", Integer.toString(threads));
        }
        conf.set("spark.speculation", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // its reflection needs --add-opens on Java 17: without them a task that fails to serialize hangs the job
        conf.setIfMissing("spark.serializer.extraDebugInfo", "false");
        if (isLocal(master)) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else {
            secure(conf, r, master);
            conf.setIfMissing("spark.executor.memoryOverhead", "1g");
            if (!conf.contains("spark.jars") && !r.conf().containsKey("spark.jars")) {
                String jars = JobJars.forExecutors();
                if (jars != null) {
                    conf.set("spark.jars", jars);
                }
            }
        }
        for (Map.Entry<String, String> e : r.conf().entrySet()) {
            conf.set(e.getKey(), e.getValue());
        }
        if (conf.getBoolean("spark.speculation", false)) {
            throw new IllegalArgumentException("spark.speculation=true: the tasks write files, so batch runs without"
                    + " speculation (a slow piece's copy would only race its commit)");
        }
        return conf;
    }

    private static void secure(SparkConf conf, JobRequest r, String master) throws IOException {
        conf.set("spark.authenticate", "true");
        String secret = ClusterSecret.read(r.secretFile());
        if (secret != null) {
            conf.set(SECRET, secret);
        } else if (!conf.contains(SECRET) && master.startsWith("spark://")) {
            throw new IllegalArgumentException("a standalone cluster run needs the cluster's spark.authenticate secret: give"
                    + " --auth-secret-file FILE or set " + ClusterSecret.ENV + " (see docs/batch.md, \"Security\")");
        }
        // YARN and Kubernetes generate and distribute a secret themselves when none is set
    }
}
