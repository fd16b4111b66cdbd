package dev.rvm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rvm.batch.commit.JobLayout;
import dev.rvm.batch.commit.SuccessMarker;
import dev.rvm.conversion.video.FrameIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job of {@link LocalBatchTest} on a real standalone cluster: a Master and a Worker started here from
 * the build's Spark jars on 127.0.0.1 (free ports, Spark's authentication on with a secret in a 0600
 * file), the driver in this JVM, the pieces in an executor JVM the Worker launches, which gets the job's
 * classes as a cluster would: shipped from the driver ({@code batch/target/job-lib}, built by
 * {@code package}, hence an integration test). Master, Worker and executor are stopped by PID.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {

    @TempDir
    static Path dir;
    static Path inputs;
    static Path secretFile;
    static String masterUrl;
    static final List<Process> daemons = new ArrayList<>();

    @BeforeAll
    static void cluster() throws Exception {
        inputs = ShortInputs.create(dir);

        Path target = Path.of("target").toAbsolutePath();
        Path sparkHome = sparkHome(target);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        secretFile = dir.resolve("secret");
        Files.writeString(secretFile, HexFormat.of().formatHex(secret));
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
        Path properties = dir.resolve("cluster.properties");
        Files.writeString(properties, "spark.authenticate=true\nspark.authenticate.secret=" + Files.readString(secretFile)
                + "\nspark.master.rest.enabled=false\n");
        Files.setPosixFilePermissions(properties, PosixFilePermissions.fromString("rw-------"));

        int masterPort = freePort();
        masterUrl = "spark://127.0.0.1:" + masterPort;
        Path masterLog = dir.resolve("master.log");
        daemons.add(daemon(sparkHome, masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(freePort()),
                "--properties-file", properties.toString()));
        awaitLine(masterLog, "I have been elected leader");
        Path workerLog = dir.resolve("worker.log");
        daemons.add(daemon(sparkHome, workerLog, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--port", Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()), "--cores", "2",
                "--memory", "3g", "--work-dir", Files.createDirectories(dir.resolve("work")).toString(),
                "--properties-file", properties.toString(), masterUrl));
        awaitLine(workerLog, "Successfully registered with master");
    }

    /** SPARK_HOME/jars as a cluster installs it: Spark and what it needs, none of the job's code. */
    static Path sparkHome(Path target) throws IOException {
        Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
        List<Path> spark = new ArrayList<>();
        for (String p : Files.readString(target.resolve("spark.classpath")).strip().split(":")) {
            spark.add(Path.of(p));
        }
        try (Stream<Path> lib = Files.list(target.resolve("job-lib"))) {
            // Maven mediated these to the job's own scope; Spark needs them on its class path too
            lib.filter(p -> p.getFileName().toString().matches("(jackson|protobuf-java)-.*\\.jar")).forEach(spark::add);
        }
        for (Path jar : spark) {
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        return jars.getParent();
    }

    static Process daemon(Path sparkHome, Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", sparkHome.resolve("jars") + "/*", main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    static void awaitLine(Path log, String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            for (Process p : daemons) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Spark daemon exited: " + Files.readString(log));
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + text + "' within 120 s in " + log + ":\n" + Files.readString(log));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        List<ProcessHandle> executors = ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains(dir.resolve("work").toString())).toList();
        for (Iterator<Process> it = daemons.iterator(); it.hasNext(); ) {
            Process p = it.next();
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            it.remove();
        }
        for (ProcessHandle h : executors) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }

    @Test
    void theJobRunsInAnExecutorJvmOfTheClusterWithAuthenticationOn() throws Exception {
        Path out = dir.resolve("out");
        BatchRun run = BatchRun.of(LocalBatchTest.args(inputs, out, masterUrl, "--auth-secret-file",
                secretFile.toString(), "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.executor.memory=2g"));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("1 of 3 videos failed: damaged"), run.err());
        assertTrue(run.out().contains("master " + masterUrl), run.out());
        for (String video : new String[]{"talk-a", "talk-b"}) {
            Path v = out.resolve(video);
            SuccessMarker marker = SuccessMarker.read(v.resolve(JobLayout.SUCCESS));
            assertNotNull(marker, video);
            assertTrue(marker.matches(v));
            assertEquals(FrameIndex.scan(inputs.resolve(video + ".mp4")).frames(), FrameIndex.scan(v.resolve("com.mp4")).frames());
        }
        JsonNode manifest = new ObjectMapper().readTree(out.resolve(JobLayout.MANIFEST).toFile());
        String driver = ManagementFactory.getRuntimeMXBean().getName();
        JsonNode sessions = manifest.get("sessionsByExecutor");
        assertFalse(sessions.isEmpty());
        sessions.fieldNames().forEachRemaining(executor -> {
            assertFalse(executor.equals(driver), "the pieces ran outside the driver's JVM");
            assertEquals(1, sessions.get(executor).asInt(), executor + " opened one ONNX Runtime session for all its pieces");
        });
        assertTrue(Files.readString(dir.resolve("master.log")).contains("Registering app rvm-batch"), "the app was accepted");
    }
}
