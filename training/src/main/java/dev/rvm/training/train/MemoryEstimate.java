package dev.rvm.training.train;

import dev.rvm.training.net.RefinerKind;
import dev.rvm.training.net.Variant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How much memory a configuration needs, from peak resident sizes measured on this project's
 * 2-core machines (PyTorch CPU, Adam): a fixed part (JVM, PyTorch, OpenCV, weights, gradients,
 * optimizer state) plus the activations kept for backward, which grow with the frame-pixels of the
 * largest pass. Compared with what the machine can give before anything starts, so that a run
 * that cannot fit is refused with the numbers instead of being killed an hour in.
 */
public final class MemoryEstimate {
    /**
     * Native memory of PyTorch, OpenCV and the JVM itself (0.30 GiB measured with the weights
     * loaded), rounded up; the Java heap is counted at its maximum, which a busy JVM reaches.
     */
    static final long BASE = 400L << 20;
    /**
     * Activation bytes per frame-pixel at body resolution, MobileNetV3 with Adam: 4.2, 4.0 and
     * 3.9 KB measured at 256x256 x 4, 256x256 x 8 and 512x512 x 4 frames (docs/training.md).
     */
    static final double MOBILENET_BYTES_PER_FRAME_PIXEL = 4100;
    /** ResNet-50 keeps about 2.4 times MobileNetV3's activations (measured at 128x128 x 4), rounded up. */
    static final double RESNET_FACTOR = 3;
    /**
     * Bytes per frame-pixel at full resolution in the refined pass (input, refiner, outputs, loss):
     * 600 and 780 measured at 1024x1024 x 2 and 512x512 x 4, ratio 0.25; rounded up.
     */
    static final double FULL_RESOLUTION_BYTES_PER_FRAME_PIXEL = 900;
    /**
     * Validation, per frame-pixel of the held-out size: inference of one chunk (no gradients) and the
     * held-out clips kept as floats; 2.6 KB measured at 400x300, ratio 0.5, chunks of 4.
     */
    static final double VALIDATION_BYTES_PER_FRAME_PIXEL = 2800;
    /** Headroom kept free: the allocator's fragmentation and everything else on the machine. */
    static final double SAFETY = 1.15;

    private MemoryEstimate() {
    }

    /** Bytes the run needs at its peak, without validation. */
    public static long estimate(TrainingConfig c) {
        return estimate(c, 0);
    }

    /** Bytes the run needs at its peak, with {@code validationFrames} held-out frames in all (0: none). */
    public static long estimate(TrainingConfig c, int validationFrames) {
        double perPixel = MOBILENET_BYTES_PER_FRAME_PIXEL * (c.variant() == Variant.RESNET50 ? RESNET_FACTOR : 1);
        long parameters = c.variant() == Variant.RESNET50 ? 27_500_000L : 3_800_000L;
        if (c.refiner() == RefinerKind.DEEP_GUIDED_FILTER) {
            perPixel *= 1.05;
        }
        // value, gradient and two Adam moments per parameter, plus the checkpoint being written
        double fixed = BASE + parameters * 4.0 * 6;
        double javaHeap = Runtime.getRuntime().maxMemory();
        double lr = perPixel * c.batch() * c.seqLength() * c.resolution().pixels();
        double hr = 0;
        if (c.trainHr()) {
            double body = (double) Math.round(c.hrResolution().width() * c.hrDownsampleRatio())
                    * Math.round(c.hrResolution().height() * c.hrDownsampleRatio());
            hr = (perPixel * body + FULL_RESOLUTION_BYTES_PER_FRAME_PIXEL * c.hrResolution().pixels()) * c.batch() * c.hrSeqLength();
        }
        double validation = validationFrames == 0 ? 0 : VALIDATION_BYTES_PER_FRAME_PIXEL * c.seqLength() * c.validationSize().pixels();
        return (long) ((fixed + Math.max(Math.max(lr, hr), validation)) * SAFETY + javaHeap);
    }

    /** Java heap the run's arrays need: two steps of batches (one being prepared) and the held-out clips. */
    static long javaArrays(TrainingConfig c, int validationFrames) {
        double data = 4.0 * 7 * c.batch() * (c.seqLength() * c.resolution().pixels()
                + (c.trainHr() ? c.hrSeqLength() * c.hrResolution().pixels() : 0)) * 2;
        return (long) (data + 4.0 * 7 * validationFrames * c.validationSize().pixels());
    }

    /** What this process may use: MemAvailable now, capped by a cgroup limit when there is one. */
    public static long available() {
        long available = meminfo("MemAvailable:");
        long cgroup = cgroupRoom();
        if (cgroup > 0 && (available <= 0 || cgroup < available)) {
            available = cgroup;
        }
        return available > 0 ? available : Runtime.getRuntime().maxMemory();
    }

    /** Throws with the estimate, the limit and what to lower when the run cannot fit. */
    public static void requireFits(TrainingConfig c) {
        requireFits(c, 0);
    }

    /** As {@link #requireFits(TrainingConfig)}, counting {@code validationFrames} held-out frames. */
    public static void requireFits(TrainingConfig c, int validationFrames) {
        long arrays = javaArrays(c, validationFrames);
        long heap = Runtime.getRuntime().maxMemory();
        if (arrays > heap * 0.6) {
            throw new IllegalArgumentException("the training data arrays of this configuration need about " + gib(arrays)
                    + " of Java heap, the JVM has " + gib(heap) + "; set RVM_TRAIN_HEAP (e.g. RVM_TRAIN_HEAP=" 
                    + Math.max(2, (long) Math.ceil(arrays / 0.6 / (1L << 30))) + "g ./rvm train ...) or lower the sizes");
        }
        long need = estimate(c, validationFrames);
        long limit = c.memoryLimit() > 0 ? c.memoryLimit() : available();
        if (need > limit) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "this configuration needs about %s of memory (batch %d x %d frames at %s%s, %s) but %s %s;"
                            + " lower --resolution, --seq-length or --batch%s",
                    gib(need), c.batch(), c.seqLength(), c.resolution(),
                    c.trainHr() ? ", high-resolution pass " + c.batch() + " x " + c.hrSeqLength() + " at " + c.hrResolution() : "",
                    c.variant().cliName(), gib(limit),
                    c.memoryLimit() > 0 ? "is the --memory-limit" : "is available on this machine now",
                    c.trainHr() ? " (or --hr-resolution / --hr-seq-length)" : ""));
        }
    }

    public static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    /** Peak resident size of this process so far (VmHWM), 0 where unknown. */
    public static long peakResident() {
        return status("VmHWM:");
    }

    public static long resident() {
        return status("VmRSS:");
    }

    private static long status(String key) {
        return kibLine(Path.of("/proc/self/status"), key);
    }

    private static long meminfo(String key) {
        return kibLine(Path.of("/proc/meminfo"), key);
    }

    private static long kibLine(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static long cgroupRoom() {
        try {
            Path max = Path.of("/sys/fs/cgroup/memory.max");
            Path current = Path.of("/sys/fs/cgroup/memory.current");
            if (!Files.isReadable(max)) {
                return 0;
            }
            String m = Files.readString(max).trim();
            if (m.equals("max")) {
                return 0;
            }
            long used = Files.isReadable(current) ? Long.parseLong(Files.readString(current).trim()) : 0;
            return Long.parseLong(m) - used + resident();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static List<String> describe(TrainingConfig c, int validationFrames) {
        return List.of("memory: about " + gib(estimate(c, validationFrames)) + " needed, " + gib(c.memoryLimit() > 0 ? c.memoryLimit() : available())
                + (c.memoryLimit() > 0 ? " allowed (--memory-limit)" : " available"));
    }
}
