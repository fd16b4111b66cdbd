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
 * @param seqChunk        frames per model call (1 = lowest latency)
 * @param threads         ONNX Runtime intra-op threads, 0 = one per core
 * @param device          where the network runs
 * @param edges           the matte's edge controls, applied to every output ({@link EdgeSettings#NONE}: none)
 */
public record MattingSettings(String model, float downsampleRatio, int seqChunk, int threads, Device device,
        EdgeSettings edges) {

    public static final String DEFAULT_MODEL = SettingsTable.DEFAULT_MODEL;
    public static final MattingSettings DEFAULTS = SettingsTable.matting(SettingsTable.MATTING.defaults());

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
}
