package dev.rvm.conversion.output;

/**
 * What a run does when the user stops it (Ctrl-C, SIGTERM, logout): a JVM shutdown hook, registered for
 * the length of the run. Used to stop the pipeline and remove staged outputs, so an interrupted run leaves
 * what was there before it and nothing else. (A SIGKILL runs no hook: the next run of the same outputs
 * removes the leftovers, see {@link OutputClaim}.)
 */
public final class InterruptCleanup implements AutoCloseable {
    private final Thread hook;

    private InterruptCleanup(Thread hook) {
        this.hook = hook;
    }

    /** Runs {@code cleanup} if the JVM shuts down before {@link #close()}. */
    public static InterruptCleanup register(String name, Runnable cleanup) {
        Thread hook = new Thread(cleanup, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptCleanup(hook);
    }

    /** The run ended by itself: no cleanup on a later shutdown. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it finishes the cleanup itself
        }
    }
}
