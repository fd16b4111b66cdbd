package dev.rvm.panel.control;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The panel's background threads: one named daemon thread per job, so they never keep a host's JVM alive. */
public final class PanelThreads {
    private PanelThreads() {
    }

    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
