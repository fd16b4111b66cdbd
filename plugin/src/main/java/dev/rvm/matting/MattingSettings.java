package dev.rvm.matting;

/**
 * Everything that decides how a stream is matted. Defaults live in {@link #DEFAULTS}.
 *
 * @param model           a built-in model name (see the model registry) or a path to an ONNX file
 *                        with the upstream RVM signature
 * @param downsampleRatio 0 for automatic (upstream rule {@code min(512 / max(h, w), 1)}), else in (0, 1]
 * @param seqChunk        frames per model call (1 = lowest latency), in {@link #SEQ_CHUNK}
 * @param threads         ONNX Runtime intra-op threads, 0 = one per core, in {@link #THREADS}
 * @param device          where the network runs
 */
public record MattingSettings(String model, float downsampleRatio, int seqChunk, int threads, Device device) {

    public static final String DEFAULT_MODEL = "mobilenetv3";
    /**
     * Frames per model call. Bounded because each value above 1 builds its own sequence model (about
     * 15 MB, cached per value) and holds that many frames and their tensors in memory at once.
     */
    public static final IntRange SEQ_CHUNK = new IntRange(1, 64);
    /** ONNX Runtime intra-op threads; 0 = one per core. */
    public static final IntRange THREADS = new IntRange(0, 1024);
    /** Pixels the network needs on each side of the downsampled frame: fewer fail in its first convolutions. */
    public static final int MIN_NETWORK_SIDE = 3;
    public static final MattingSettings DEFAULTS = new MattingSettings(DEFAULT_MODEL, 0f, 1, 0, Device.CPU);

    public MattingSettings {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must name a built-in model or an ONNX file");
        }
        if (!(downsampleRatio == 0f || (downsampleRatio > 0f && downsampleRatio <= 1f))) {
            throw new IllegalArgumentException("downsample ratio must be in (0, 1], or 0 for auto; got " + downsampleRatio);
        }
        SEQ_CHUNK.check("seq-chunk", seqChunk);
        THREADS.check("threads", threads);
    }

    public MattingSettings withModel(String m) { return new MattingSettings(m, downsampleRatio, seqChunk, threads, device); }
    public MattingSettings withDownsampleRatio(float r) { return new MattingSettings(model, r, seqChunk, threads, device); }
    public MattingSettings withSeqChunk(int n) { return new MattingSettings(model, downsampleRatio, n, threads, device); }
    public MattingSettings withThreads(int t) { return new MattingSettings(model, downsampleRatio, seqChunk, t, device); }
    public MattingSettings withDevice(Device d) { return new MattingSettings(model, downsampleRatio, seqChunk, threads, d); }

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
