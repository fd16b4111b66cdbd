package dev.rvm.matting;

import dev.rvm.matting.edges.EdgeSettings;

import static dev.rvm.matting.SettingsTable.DEVICE;
import static dev.rvm.matting.SettingsTable.DOWNSAMPLE_RATIO;
import static dev.rvm.matting.SettingsTable.MODEL;
import static dev.rvm.matting.SettingsTable.SEQ_CHUNK;
import static dev.rvm.matting.SettingsTable.THREADS;

/**
 * Everything that decides how a stream is matted; ranges and defaults are those of {@link SettingsTable}.
 *
 * @param model           a built-in model name (see the model registry) or a path to an ONNX file
 *                        with the upstream RVM signature
 * @param downsampleRatio 0 for automatic (upstream rule {@code min(512 / max(h, w), 1)}), else in (0, 1]
 * @param seqChunk        frames per model call (1 = lowest latency), in {@link #SEQ_CHUNK}
 * @param threads         ONNX Runtime intra-op threads, 0 = one per core, in {@link #THREADS}
 * @param device          where the network runs
 * @param edges           the matte's edge controls, applied to every output ({@link EdgeSettings#NONE}: none)
 */
public record MattingSettings(String model, float downsampleRatio, int seqChunk, int threads, Device device,
        EdgeSettings edges) {

    public static final String DEFAULT_MODEL = SettingsTable.DEFAULT_MODEL;
    public static final MattingSettings DEFAULTS = SettingsTable.matting(SettingsTable.MATTING.defaults());

    /** Pixels the network needs on each side of the downsampled frame: fewer fail in its first convolutions. */
    public static final int MIN_NETWORK_SIDE = 3;

    public MattingSettings {
        if (model == null) {
            throw new IllegalArgumentException(MODEL.name() + " must be " + MODEL.required() + "; got none");
        }
        MODEL.check(model);
        DOWNSAMPLE_RATIO.check(downsampleRatio);
        SEQ_CHUNK.check(seqChunk);
        THREADS.check(threads);
        DEVICE.check(device);
        if (edges == null) {
            throw new IllegalArgumentException("edge settings are missing; use EdgeSettings.NONE for an untouched matte");
        }
    }

    /** Settings with the matte left as the network made it. */
    public MattingSettings(String model, float downsampleRatio, int seqChunk, int threads, Device device) {
        this(model, downsampleRatio, seqChunk, threads, device, EdgeSettings.NONE);
    }

    public MattingSettings withModel(String m) { return new MattingSettings(m, downsampleRatio, seqChunk, threads, device, edges); }
    public MattingSettings withDownsampleRatio(float r) { return new MattingSettings(model, r, seqChunk, threads, device, edges); }
    public MattingSettings withSeqChunk(int n) { return new MattingSettings(model, downsampleRatio, n, threads, device, edges); }
    public MattingSettings withThreads(int t) { return new MattingSettings(model, downsampleRatio, seqChunk, t, device, edges); }
    public MattingSettings withDevice(Device d) { return new MattingSettings(model, downsampleRatio, seqChunk, threads, d, edges); }
    public MattingSettings withEdges(EdgeSettings e) { return new MattingSettings(model, downsampleRatio, seqChunk, threads, device, e); }

    /** The ratio actually used for a frame of this size: the fixed one, or the upstream automatic rule. */
    public float effectiveRatio(int width, int height) {
        return downsampleRatio > 0f ? downsampleRatio : Math.min(512f / Math.max(width, height), 1f);
    }

    /** A side of the frame the network sees, computed as the model does: trunc(float32(side) * float32(ratio)). */
    public static int networkSide(int side, float ratio) {
        return ratio == 1f ? side : (int) ((float) side * ratio);
    }

    /**
     * Null when the network can matte frames of this size with this ratio; else why not and the ratio to
     * give instead (a ratio in range can still leave a small or thin frame too few pixels).
     */
    public String frameSizeProblem(int width, int height) {
        float ratio = effectiveRatio(width, height);
        int w = networkSide(width, ratio);
        int h = networkSide(height, ratio);
        if (w >= MIN_NETWORK_SIDE && h >= MIN_NETWORK_SIDE) {
            return null;
        }
        String seen = String.format(java.util.Locale.ROOT, "downsample ratio %s%s leaves the network %dx%d pixels of a "
                + "%dx%d frame; it needs at least %dx%d", ratio, downsampleRatio > 0f ? "" : " (auto)", w, h, width, height,
                MIN_NETWORK_SIDE, MIN_NETWORK_SIDE);
        int shorter = Math.min(width, height);
        if (shorter < MIN_NETWORK_SIDE) {
            return seen + ", more than the frame has: the frame is too small to matte";
        }
        float least = (float) MIN_NETWORK_SIDE / shorter;
        while (networkSide(shorter, least) < MIN_NETWORK_SIDE) {
            least = Math.nextUp(least);
        }
        return seen + String.format(java.util.Locale.ROOT, ": give a ratio of at least %s for frames this size", least);
    }
}
