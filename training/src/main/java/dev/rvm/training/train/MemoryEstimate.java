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
    /** JVM, PyTorch and OpenCV with nothing loaded, measured. */
    static final long BASE = 900L << 20;
    /** Activation bytes per frame-pixel at body resolution, MobileNetV3, measured (see docs/training.md). */
    static final double MOBILENET_BYTES_PER_FRAME_PIXEL = 2800;
    /** ResNet-50 keeps about 4 times the activations of MobileNetV3 (wider features at every scale). */
    static final double RESNET_FACTOR = 4;
    /** Bytes per frame-pixel at full resolution in the refined pass (input, refiner, outputs, loss). */
    static final double FULL_RESOLUTION_BYTES_PER_FRAME_PIXEL = 700;
    /** Headroom kept free: the allocator's fragmentation and everything else on the machine. */
    static final double SAFETY = 1.15;

    private MemoryEstimate() {
    }

    /** Bytes the run needs at its peak. */
    public static long estimate(TrainingConfig c) {
        double perPixel = MOBILENET_BYTES_PER_FRAME_PIXEL * (c.variant() == Variant.RESNET50 ? RESNET_FACTOR : 1);
        long parameters = c.variant() == Variant.RESNET50 ? 27_500_000L : 3_800_000L;
        if (c.refiner() == RefinerKind.DEEP_GUIDED_FILTER) {
            perPixel *= 1.05;
        }
        // value, gradient and two Adam moments per parameter, plus the checkpoint being written
        double fixed = BASE + parameters * 4.0 * 6;
        double lr = perPixel * c.batch() * c.seqLength() * c.resolution().pixels();
        double hr = 0;
        if (c.trainHr()) {
            double body = (double) Math.round(c.hrResolution().width() * c.hrDownsampleRatio())
                    * Math.round(c.hrResolution().height() * c.hrDownsampleRatio());
            hr = (perPixel * body + FULL_RESOLUTION_BYTES_PER_FRAME_PIXEL * c.hrResolution().pixels()) * c.batch() * c.hrSeqLength();
        }
        // the data of the next step is prepared while this one runs
        double data = 4.0 * 7 * c.batch() * Math.max(c.seqLength() * c.resolution().pixels(),
                c.trainHr() ? c.hrSeqLength() * c.hrResolution().pixels() : 0) * 2;
        return (long) ((fixed + Math.max(lr, hr) + data) * SAFETY);
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
        long need = estimate(c);
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

    static List<String> describe(TrainingConfig c) {
        return List.of("memory: about " + gib(estimate(c)) + " needed, " + gib(c.memoryLimit() > 0 ? c.memoryLimit() : available())
                + (c.memoryLimit() > 0 ? " allowed (--memory-limit)" : " available"));
    }
}
