package dev.rvm.matting.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.compositing.BackgroundRenderer;
import dev.rvm.matting.edges.MatteEdges;
import dev.rvm.matting.model.ModelLocator;
import dev.rvm.matting.model.RvmModel;
import dev.rvm.matting.model.SessionTuning;
import dev.rvm.matting.pixels.RowSplit;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The matting stream: converts each frame straight into the network's input buffer, buffers up to
 * seq-chunk frames, runs them, and hands out views over the reused output buffers. Recurrent state
 * resets when the frame size or the effective ratio changes (the states' shapes depend on both).
 *
 * <p>Two paths. Where the weights come with a coefficient model (the built-in ones) and the ratio is
 * not 1, the network sees only the downsampled frame, made from the 8-bit pixels, and stops at the
 * guided filter's low-resolution coefficients; the full-resolution outputs are one fused pass over
 * the host's frame ({@link CoefficientBatch}). Otherwise (an upstream ONNX file, ratio 1, frames too
 * small for the filter) the whole graph runs on the full-resolution float frame ({@link WholeGraphBatch}).
 * Both honour the edge controls ({@link MatteEdges}, configured here when the settings change): every
 * output of a result follows the edited matte, and at the defaults nothing extra runs.
 */
public final class RecurrentMattingStream implements MattingStream {

    /** Opens the models a settings value needs. */
    public interface ModelOpener {
        /** The whole-graph model (upstream signature), one frame per call. */
        RvmModel openFrameModel(MattingSettings settings);

        /** A whole-graph model taking {@code settings.seqChunk()} frames per call, or null to make N single calls. */
        default RvmModel openSequenceModel(MattingSettings settings) {
            return null;
        }

        /**
         * The coefficient model taking {@code frames} frames per call, or null when the weights have none
         * (then every ratio runs the whole graph).
         */
        default RvmModel openCoefficientModel(MattingSettings settings, int frames) {
            return null;
        }

        /**
         * Called when the stream is done with a model it was given. Opened models belong to the stream,
         * so the default closes them; an opener that lends models shared by many streams keeps them open.
         */
        default void release(RvmModel model) {
            model.close();
        }
    }

    /** Built-in models and ONNX paths; sequence models when seq-chunk > 1 and the registry has them. */
    public static final ModelOpener DEFAULT_OPENER = new ModelOpener() {
        @Override
        public RvmModel openFrameModel(MattingSettings s) {
            return WHOLE_GRAPH_OPENER.openFrameModel(s);
        }

        @Override
        public RvmModel openSequenceModel(MattingSettings s) {
            return WHOLE_GRAPH_OPENER.openSequenceModel(s);
        }

        @Override
        public RvmModel openCoefficientModel(MattingSettings s, int frames) {
            Path file = ModelLocator.locateCoefficients(s.model(), frames);
            return file == null ? null : RvmModel.openCoefficients(file, SessionTuning.of(s.threads(), s.device()));
        }
    };

    /** The whole graph at every ratio, as any ONNX Runtime user of the same weights gets it (the speed yardstick). */
    public static final ModelOpener WHOLE_GRAPH_OPENER = new ModelOpener() {
        @Override
        public RvmModel openFrameModel(MattingSettings s) {
            return RvmModel.open(ModelLocator.locate(s.model()), SessionTuning.of(s.threads(), s.device()));
        }

        @Override
        public RvmModel openSequenceModel(MattingSettings s) {
            Path file = s.seqChunk() > 1 ? ModelLocator.locateSequence(s.model(), s.seqChunk()) : null;
            return file == null ? null : RvmModel.open(file, SessionTuning.of(s.threads(), s.device()));
        }
    };

    /** Like {@link #WHOLE_GRAPH_OPENER} but always N single-frame calls (for comparing against the sequence model). */
    public static final ModelOpener SINGLE_FRAME_OPENER = WHOLE_GRAPH_OPENER::openFrameModel;

    private final OrtEnvironment env = RvmModel.environment();
    private final ModelOpener opener;
    private final BackgroundRenderer backgrounds = new BackgroundRenderer();
    private final RowSplit split = new RowSplit();
    private final MatteEdges edges = new MatteEdges();
    private MattingSettings settings;
    private MattingSettings pending;
    private final RvmModel[] models = new RvmModel[4];
    private ChunkRunner wholeRunner;
    private ChunkRunner coefficientRunner;
    private RecurrentState state;
    private FrameSlots slots;
    private int buffered;
    private boolean closed;

    private static final int WHOLE = 0;
    private static final int WHOLE_SEQUENCE = 1;
    private static final int COEFFICIENTS = 2;
    private static final int COEFFICIENTS_SEQUENCE = 3;

    public RecurrentMattingStream(MattingSettings settings, ModelOpener opener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.opener = opener;
        openModels();
        try {
            edges.configure(settings.edges());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void submit(ByteBuffer pixels, FrameLayout layout, long tag, ResultHandler out) {
        ensureOpen();
        if (pixels.remaining() < layout.byteSize()) {
            throw new MattingException("frame buffer has " + pixels.remaining() + " bytes but a " + layout.width() + "x"
                    + layout.height() + " " + layout.format() + " frame with stride " + layout.stride() + " needs " + layout.byteSize());
        }
        applyPending(out);
        int w = layout.width();
        int h = layout.height();
        float r = settings.effectiveRatio(w, h);
        if (slots == null || slots.width() != w || slots.height() != h || slots.ratio() != r) {
            flush(out);
            closeSlots();
            closeState();
            // the states' shapes follow the frame size and the ratio: a new geometry starts from zero memory
            slots = openSlots(w, h, r);
            state = newState();
        }
        slots.put(buffered, pixels, layout, tag);
        buffered++;
        if (buffered == slots.capacity()) {
            flush(out);
        }
    }

    @Override
    public void drain(ResultHandler out) {
        ensureOpen();
        flush(out);
        applyPending(out);
    }

    @Override
    public void reset() {
        ensureOpen();
        buffered = 0;
        if (state != null) {
            state.reset();
        }
        if (pending != null) {
            apply(pending);
        }
    }

    @Override
    public void update(MattingSettings next) {
        ensureOpen();
        Objects.requireNonNull(next, "settings");
        if (buffered == 0) {
            apply(next);
        } else {
            pending = next; // buffered frames are matted with the settings they arrived under
        }
    }

    @Override
    public MattingSettings settings() {
        return pending != null ? pending : settings;
    }

    /** Effective downsample ratio of the current frames (NaN before the first frame). */
    public float currentRatio() {
        return slots == null ? Float.NaN : slots.ratio();
    }

    /** Whether the current frames take the coefficient path (network cut at the guided filter, fused full-resolution pass). */
    public boolean usesCoefficientModel() {
        return slots instanceof CoefficientBatch;
    }

    private void applyPending(ResultHandler out) {
        if (pending != null) {
            flush(out);
            apply(pending);
        }
    }

    private void apply(MattingSettings next) {
        pending = null;
        MattingSettings old = settings;
        settings = next;
        edges.configure(next.edges());
        boolean newSession = !next.model().equals(old.model()) || next.threads() != old.threads() || next.device() != old.device();
        if (newSession) {
            closeSlots();
            closeState();
            closeModels();
            openModels();
        } else if (next.seqChunk() != old.seqChunk()) {
            closeModel(WHOLE_SEQUENCE);
            closeModel(COEFFICIENTS_SEQUENCE);
            openRunners();
            if (slots != null) {
                // keep the recurrent state: only the chunk buffers change size
                int w = slots.width();
                int h = slots.height();
                float r = slots.ratio();
                closeSlots();
                slots = openSlots(w, h, r);
            }
        }
        // a ratio change takes effect (with a state reset) at the next frame, where it is compared
    }

    private void flush(ResultHandler out) {
        if (buffered == 0) {
            return;
        }
        int n = buffered;
        buffered = 0;
        slots.flush(n, state, out);
    }

    private FrameSlots openSlots(int w, int h, float r) {
        try {
            if (coefficientRunner != null && CoefficientBatch.fits(w, h, r)) {
                return new CoefficientBatch(env, w, h, r, settings.seqChunk(), coefficientRunner, backgrounds, split, edges);
            }
            return new WholeGraphBatch(env, w, h, r, settings.seqChunk(), wholeRunner(), backgrounds, split, edges);
        } catch (OrtException e) {
            throw new MattingException("cannot allocate ONNX Runtime tensors for " + w + "x" + h + " frames: " + e.getMessage(), e);
        }
    }

    private RecurrentState newState() {
        try {
            return new RecurrentState(env);
        } catch (OrtException e) {
            throw new MattingException("cannot allocate ONNX Runtime tensors for the recurrent state: " + e.getMessage(), e);
        }
    }

    private void openModels() {
        try {
            models[COEFFICIENTS] = opener.openCoefficientModel(settings, 1);
            if (models[COEFFICIENTS] == null) {
                models[WHOLE] = opener.openFrameModel(settings);
            }
            openRunners();
        } catch (RuntimeException e) {
            closeModels();
            throw e;
        }
    }

    /** Runners for the models of the current chunk length; the whole graph beside a coefficient model opens on first need. */
    private void openRunners() {
        int chunk = settings.seqChunk();
        if (models[COEFFICIENTS] != null) {
            if (chunk > 1 && models[COEFFICIENTS_SEQUENCE] == null) {
                models[COEFFICIENTS_SEQUENCE] = opener.openCoefficientModel(settings, chunk);
            }
            coefficientRunner = new ChunkRunner(models[COEFFICIENTS], models[COEFFICIENTS_SEQUENCE]);
        }
        wholeRunner = null;
        if (models[WHOLE] != null) {
            wholeRunner();
        }
    }

    private ChunkRunner wholeRunner() {
        if (wholeRunner == null) {
            if (models[WHOLE] == null) {
                models[WHOLE] = opener.openFrameModel(settings);
            }
            if (settings.seqChunk() > 1 && models[WHOLE_SEQUENCE] == null) {
                models[WHOLE_SEQUENCE] = opener.openSequenceModel(settings);
            }
            wholeRunner = new ChunkRunner(models[WHOLE], models[WHOLE_SEQUENCE]);
        }
        return wholeRunner;
    }

    private void closeModel(int which) {
        if (models[which] != null) {
            opener.release(models[which]);
            models[which] = null;
        }
    }

    private void closeModels() {
        for (int i = 0; i < models.length; i++) {
            closeModel(i);
        }
        wholeRunner = null;
        coefficientRunner = null;
    }

    private void closeSlots() {
        buffered = 0;
        if (slots != null) {
            slots.close();
            slots = null;
        }
    }

    private void closeState() {
        if (state != null) {
            state.close();
            state = null;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this matting stream is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeSlots();
        closeState();
        closeModels();
        backgrounds.close();
        split.close();
        edges.close();
    }
}
