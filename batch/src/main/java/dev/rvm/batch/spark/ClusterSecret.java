package dev.rvm.batch.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared secret of a cluster's {@code spark.authenticate}: read from a file or from the
 * environment, never taken from the command line, where every user of the machine could read it.
 */
public final class ClusterSecret {

    /** The environment variable that may hold the secret itself. */
    public static final String ENV = "RVM_SPARK_AUTH_SECRET";

    private ClusterSecret() {
    }

    /** The secret from {@code file} (if given) or {@link #ENV}; null when neither has one. */
    public static String read(Path file) throws IOException {
        if (file != null) {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("--auth-secret-file " + file + " is empty; write the cluster's secret into it");
            }
            return s;
        }
        String env = System.getenv(ENV);
        return env == null || env.isBlank() ? null : env.strip();
    }
}
