package dev.rvm.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A private nginx with the RTMP module (Debian nginx + libnginx-mod-rtmp), never the system service:
 * a minimal configuration in a temporary directory, listening on 127.0.0.1 at a free port, in the
 * foreground; stopped with SIGQUIT (graceful) by the PID the test started.
 */
final class NginxRtmpServer implements AutoCloseable {
    static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");

    final int port;
    private final Path dir;
    private final Process process;

    NginxRtmpServer(Path dir) {
        this.dir = dir;
        this.port = LoopbackPorts.freeTcp();
        Path nginx = binary();
        assertTrue(Files.exists(MODULE), MODULE + " is missing: apt-get install libnginx-mod-rtmp (./rvm test installs it)");
        try {
            Files.writeString(dir.resolve("nginx.conf"), """
                    load_module %s;
                    daemon off;
                    worker_processes 1;
                    pid %s;
                    error_log %s info;
                    events { worker_connections 64; }
                    rtmp {
                        server {
                            listen 127.0.0.1:%d;
                            application live {
                                live on;
                                allow publish 127.0.0.1;
                                deny publish all;
                                allow play 127.0.0.1;
                                deny play all;
                            }
                        }
                    }
                    """.formatted(MODULE, dir.resolve("nginx.pid"), log(), port));
            // -e: the log nginx opens before it has read the configuration
            process = new ProcessBuilder(nginx.toString(), "-c", dir.resolve("nginx.conf").toString(),
                    "-p", dir + "/", "-e", log().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + nginx, e);
        }
        try {
            LoopbackPorts.awaitTcpListener(port, Duration.ofSeconds(10));
        } catch (AssertionError e) {
            close();
            throw new AssertionError(e.getMessage() + "; nginx said: " + read(dir.resolve("nginx.out")) + read(log()), e);
        }
    }

    String url(String stream) {
        return "rtmp://127.0.0.1:" + port + "/live/" + stream;
    }

    /** Until a publisher is streaming to {@code stream} (nginx logs it): a player started earlier gets nothing. */
    void awaitPublisher(String stream, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (read(log()).contains("publish: name='" + stream + "'")) {
                return;
            }
            LoopbackPorts.sleep(50);
        }
        fail("no publisher on " + url(stream) + " after " + within.toSeconds() + " s; nginx log: " + read(log()));
    }

    private Path log() {
        return dir.resolve("error.log");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static Path binary() {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, "nginx");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError("nginx is missing: apt-get install nginx libnginx-mod-rtmp (./rvm test installs them)");
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
