package dev.rvm.batch.exec;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs matting on a thread of its own with a stack as deep as {@code ./rvm}'s ({@code -Xss4m}, with room
 * to spare): ONNX Runtime runs a one-thread session's kernels on the caller's stack, which they overflow
 * at a JVM's default 1 MB, and that kills the whole JVM (SIGSEGV, no error). Spark's task threads have that
 * default in every executor JVM, whatever the driver was started with.
 */
final class DeepStack {
    static final long STACK_BYTES = 16L << 20;

    private DeepStack() {
    }

    static <T> T call(String name, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(null, task, name, STACK_BYTES);
        t.setDaemon(true);
        t.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            // the task was killed: stop the piece too, it writes only into its own attempt directory
            t.interrupt();
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
