package dev.rvm.batch.spark;

/**
 * Spark logs every step at INFO by default; a batch run started from the command line shows its own
 * progress, so Spark is told to log warnings only, unless logging is configured already (a cluster's
 * configuration, spark-submit) or {@code RVM_DEBUG} is set. Must run before Spark's first class loads.
 */
public final class QuietLogging {
    static final String PROPERTY = "log4j2.configurationFile";

    private QuietLogging() {
    }

    public static void install() {
        if (System.getProperty(PROPERTY) == null && System.getenv("RVM_DEBUG") == null) {
            java.net.URL config = QuietLogging.class.getResource("/dev/rvm/batch/log4j2-batch.properties");
            if (config != null) {
                System.setProperty(PROPERTY, config.toString());
            }
        }
    }
}
