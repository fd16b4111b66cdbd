package dev.rvm.batch.spark;

import dev.rvm.batch.job.JobRequest;
import dev.rvm.batch.job.OutputNames;
import dev.rvm.matting.MattingSettings;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark settings a run gets; no Spark is started. */
class SparkSetupTest {

    @TempDir
    Path dir;

    private JobRequest request(String master, Path secret, int threads, Map<String, String> conf) {
        return new JobRequest(dir, dir, master, 60, 2, new OutputNames("com.mp4", null, null, false, 4),
                MattingSettings.DEFAULTS.withThreads(threads), null, secret, conf);
    }

    private static SparkConf empty() {
        return new SparkConf(false);
    }

    @Test
    void anEmbeddedRunStaysOnLoopbackWithoutUiAndTasksGetTheirThreads() throws Exception {
        SparkConf c = SparkSetup.conf(request(null, null, 0, Map.of()), empty());
        assertEquals("local[*]", c.get("spark.master"));
        assertEquals("127.0.0.1", c.get("spark.driver.bindAddress"));
        assertEquals("false", c.get("spark.ui.enabled"));
        assertEquals("false", c.get("spark.speculation"));
        assertEquals(Integer.toString(SparkSetup.DEFAULT_TASK_THREADS), c.get("spark.task.cpus"));
        assertFalse(c.contains("spark.authenticate"));
        assertEquals("2", SparkSetup.conf(request("local[2]", null, 2, Map.of()), empty()).get("spark.task.cpus"));
    }

    @Test
    void theMasterOfSparkSubmitIsKeptUnlessOneIsGiven() throws Exception {
        SparkConf submitted = empty().set("spark.master", "local[3]");
        assertEquals("local[3]", SparkSetup.conf(request(null, null, 0, Map.of()), submitted).get("spark.master"));
        assertEquals("local[1]", SparkSetup.conf(request("local[1]", null, 0, Map.of()), submitted).get("spark.master"));
    }

    @Test
    void aClusterRunAuthenticatesWithTheSecretFromAFile() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "s3cr3t\n");
        SparkConf c = SparkSetup.conf(request("spark://10.0.0.1:7077", secret, 0, Map.of("spark.jars", "/opt/job.jar")), empty());
        assertEquals("true", c.get("spark.authenticate"));
        assertEquals("s3cr3t", c.get("spark.authenticate.secret"));
        assertTrue(c.contains("spark.executor.memoryOverhead"), "native memory is reserved");
        assertEquals("/opt/job.jar", c.get("spark.jars"));
    }

    @Test
    void aStandaloneClusterRunWithoutASecretIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkSetup.conf(request("spark://10.0.0.1:7077", null, 0, Map.of()), empty()));
        assertTrue(e.getMessage().contains("--auth-secret-file") && e.getMessage().contains(ClusterSecret.ENV), e.getMessage());
    }

    @Test
    void theSecretIsNeverTakenFromTheCommandLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkSetup.conf(
                request("spark://10.0.0.1:7077", null, 0, Map.of("spark.authenticate.secret", "visible")), empty()));
        assertTrue(e.getMessage().contains("command line"), e.getMessage());
    }

    @Test
    void speculationIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SparkSetup.conf(request("local[2]", null, 0, Map.of("spark.speculation", "true")), empty()));
    }
}
