package dev.rvm.batch.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars a cluster's executors need when the driver runs from a build tree ({@code ./rvm batch
 * --master spark://...}): the batch module's jar and {@code batch/target/job-lib/} (its dependencies
 * without Spark, which the cluster has). Used only when {@code spark.jars} is not set: spark-submit
 * sets it from its own arguments.
 */
public final class JobJars {

    private JobJars() {
    }

    /** Comma-separated jar paths for {@code spark.jars}, or null when the code does not run from a build tree. */
    public static String forExecutors() throws IOException {
        Path code;
        try {
            code = Path.of(JobJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            return null;
        }
        Path target = code.getParent(); // batch/target for batch/target/classes and batch/target/rvm-batch-*.jar alike
        if (target == null || !Files.isDirectory(target.resolve("job-lib")) && !Files.isDirectory(code)) {
            return null;
        }
        List<String> jars = new ArrayList<>();
        try (Stream<Path> own = Files.list(target)) {
            own.filter(p -> p.getFileName().toString().matches("rvm-batch-.*\\.jar") && !p.toString().endsWith("-tests.jar"))
                    .forEach(p -> jars.add(p.toString()));
        }
        Path lib = target.resolve("job-lib");
        if (jars.isEmpty() || !Files.isDirectory(lib)) {
            throw new IllegalStateException("the batch job's jars are not built (" + target + "/rvm-batch-*.jar and job-lib/);"
                    + " run: mvn -DskipTests package");
        }
        try (Stream<Path> deps = Files.list(lib)) {
            deps.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> jars.add(p.toString()));
        }
        return String.join(",", jars);
    }
}
