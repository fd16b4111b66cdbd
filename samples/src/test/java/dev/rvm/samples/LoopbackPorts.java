package dev.rvm.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.fail;

/** Free ports on 127.0.0.1 for the servers the tests start, and waiting until they listen. */
final class LoopbackPorts {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private LoopbackPorts() {
    }

    static int freeTcp() {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SRT runs over UDP. */
    static int freeUdp() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Until something accepts TCP connections on the port (the probe connection is closed at once). */
    static void awaitTcpListener(int port, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(LOOPBACK, port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        fail("nothing listens on 127.0.0.1:" + port + " after " + within.toSeconds() + " s");
    }

    /** Until a UDP socket (an SRT listener) is bound to the port. */
    static void awaitUdpBound(int port, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                sleep(50);
            } catch (BindException bound) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        fail("nothing bound UDP 127.0.0.1:" + port + " after " + within.toSeconds() + " s");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
