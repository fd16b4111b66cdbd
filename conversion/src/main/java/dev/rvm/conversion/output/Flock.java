package dev.rvm.conversion.output;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An exclusive {@code flock(2)} on a lock file, taken without waiting. flock rather than Java's
 * {@code FileChannel.lock}: Java's are POSIX record locks, which the JVM loses as soon as any other
 * descriptor of the file is closed (reading the owner's PID would drop the lock). Whoever holds it may
 * delete the file before releasing it; a claimer that locked a file deleted meanwhile notices (the path
 * then names another inode or none) and tries again.
 */
final class Flock implements AutoCloseable {
    static {
        Native.register(Flock.class, NativeLibrary.getInstance("c"));
    }

    private static final int O_RDWR = 02;
    private static final int O_CREAT = 0100;
    private static final int O_CLOEXEC = 02000000;
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int EWOULDBLOCK = 11;
    private static final int EINTR = 4;
    private static final int ATTEMPTS = 5;

    private final Path file;
    private int fd;

    private Flock(Path file, int fd) {
        this.file = file;
        this.fd = fd;
    }

    /** The lock on {@code file} (created if missing) with this process's id written in it, or null when held elsewhere. */
    static Flock tryLock(Path file) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int fd;
            try {
                fd = open(file.toString(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
            } catch (LastErrorException e) {
                throw new IOException("cannot create the lock file " + file + " (errno " + e.getErrorCode() + ")");
            }
            if (!lock(fd)) {
                close(fd);
                return null;
            }
            if (sameFile(fd, file)) {
                byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
                ftruncate(fd, 0);
                write(fd, pid, pid.length);
                return new Flock(file, fd);
            }
            close(fd); // the holder deleted it between our open and our lock: take the new one
        }
        throw new IOException("cannot lock " + file + ": it keeps being replaced; is another program removing it?");
    }

    private static boolean lock(int fd) {
        while (true) {
            try {
                flock(fd, LOCK_EX | LOCK_NB);
                return true;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EWOULDBLOCK) {
                    return false;
                }
                if (e.getErrorCode() != EINTR) {
                    throw new IllegalStateException("flock failed (errno " + e.getErrorCode() + ")", e);
                }
            }
        }
    }

    /** Whether the path still names the inode the descriptor has open (through the kernel's /proc link). */
    private static boolean sameFile(int fd, Path file) throws IOException {
        try {
            Object ours = Files.getAttribute(Path.of("/proc/self/fd/" + fd), "unix:ino");
            Object named = Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
            return ours.equals(named);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The process id a holder wrote into the lock file, or "another process" when unreadable. */
    static String owner(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]+") ? "process " + pid : "another process";
        } catch (IOException e) {
            return "another process";
        }
    }

    /** Deletes the lock file, then releases the lock (in this order: see the class comment). */
    @Override
    public synchronized void close() throws IOException {
        if (fd < 0) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } finally {
            close(fd);
            fd = -1;
        }
    }

    private static native int open(String path, int flags, int mode) throws LastErrorException;

    private static native int flock(int fd, int operation) throws LastErrorException;

    private static native int ftruncate(int fd, long length) throws LastErrorException;

    private static native long write(int fd, byte[] buffer, long count) throws LastErrorException;

    private static native int close(int fd);
}
