package dev.rvm.matting.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.compositing.BackgroundRenderer;
import dev.rvm.matting.model.ModelLocator;
import dev.rvm.matting.model.RvmModel;
import dev.rvm.matting.model.SessionTuning;
import dev.rvm.matting.pixels.PlanarInput;
import dev.rvm.matting.pixels.RowSplit;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * The matting stream: converts each frame straight into the network's input buffer, buffers up to
 * seq-chunk frames, runs them, and hands out views over the reused output buffers. Recurrent state
 * resets when the frame size or the effective ratio changes (the states' shapes depend on both).
 */
public final class RecurrentMattingStream implements MattingStream {

    /** Opens the models a settings value needs: the single-frame model and, optionally, a sequence model. */
    public interface ModelOpener {
        RvmModel openFrameModel(MattingSettings settings);

        /** A model taking {@code settings.seqChunk()} frames per call, or null to make N single calls. */
        default RvmModel openSequenceModel(MattingSettings settings) {
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

    /** Built-in models and ONNX paths; a sequence model when seq-chunk > 1 and the registry has one. */
    public static final ModelOpener DEFAULT_OPENER = new ModelOpener() {
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

    /** Like {@link #DEFAULT_OPENER} but always N single-frame calls (for comparing against the sequence model). */
    public static final ModelOpener SINGLE_FRAME_OPENER = DEFAULT_OPENER::openFrameModel;

    private final OrtEnvironment env = RvmModel.environment();
    private final ModelOpener opener;
    private final BackgroundRenderer backgrounds = new BackgroundRenderer();
    private MattingSettings settings;
    private MattingSettings pending;
    private RvmModel frameModel;
    private RvmModel sequenceModel;
    private ChunkRunner runner;
    private RecurrentState state;
    private FrameBatch batch;
    private FrameView[] views;
    private OnnxTensor ratioTensor;
    private float ratio = Float.NaN;
    private int buffered;
    private final RowSplit split = new RowSplit();
    private boolean closed;

    public RecurrentMattingStream(MattingSettings settings, ModelOpener opener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.opener = opener;
        openModels();
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
        if (batch == null || batch.width != w || batch.height != h || r != ratio) {
            flush(out);
            prepare(w, h, r);
            state.reset();
        }
        PlanarInput.toPlanar(pixels, layout, batch.src, batch.srcOffset(buffered), split);
        views[buffered].tag = tag;
        buffered++;
        if (buffered == batch.capacity) {
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
        return ratio;
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
        boolean newSession = !next.model().equals(old.model()) || next.threads() != old.threads() || next.device() != old.device();
        if (newSession) {
            closeModels();
            closeBuffers();
            openModels();
        } else if (next.seqChunk() != old.seqChunk()) {
            closeSequenceModel();
            sequenceModel = opener.openSequenceModel(next);
            runner = new ChunkRunner(frameModel, sequenceModel);
            if (batch != null) {
                // keep the recurrent state: only the chunk buffers change size
                int w = batch.width;
                int h = batch.height;
                closeBatch();
                allocateBatch(w, h);
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
        double ms = runner.run(batch, n, ratioTensor, state);
        for (int i = 0; i < n; i++) {
            views[i].millis = ms / n;
            out.onResult(views[i]);
        }
    }

    private void prepare(int w, int h, float r) {
        try {
            if (batch == null || batch.width != w || batch.height != h) {
                closeBuffers();
                allocateBatch(w, h);
                state = new RecurrentState(env);
            }
            if (r != ratio) {
                if (state != null && !Float.isNaN(ratio)) {
                    state.close(); // the states' shapes follow the ratio: zeros of the old shapes do not fit
                    state = new RecurrentState(env);
                }
                if (ratioTensor != null) {
                    ratioTensor.close();
                }
                FloatBuffer rb = RecurrentState.direct(1);
                rb.put(0, r);
                ratioTensor = OnnxTensor.createTensor(env, rb, new long[]{1});
                ratio = r;
            }
        } catch (OrtException e) {
            throw new MattingException("cannot allocate ONNX Runtime tensors for " + w + "x" + h + " frames: " + e.getMessage(), e);
        }
    }

    private void allocateBatch(int w, int h) {
        try {
            batch = new FrameBatch(env, w, h, settings.seqChunk());
        } catch (OrtException e) {
            throw new MattingException("cannot allocate ONNX Runtime tensors for " + w + "x" + h + " frames: " + e.getMessage(), e);
        }
        views = new FrameView[batch.capacity];
        for (int i = 0; i < views.length; i++) {
            views[i] = new FrameView(batch, i, backgrounds, split);
        }
    }

    private void openModels() {
        frameModel = opener.openFrameModel(settings);
        try {
            sequenceModel = opener.openSequenceModel(settings);
        } catch (RuntimeException e) {
            opener.release(frameModel);
            throw e;
        }
        runner = new ChunkRunner(frameModel, sequenceModel);
    }

    private void closeSequenceModel() {
        if (sequenceModel != null) {
            opener.release(sequenceModel);
            sequenceModel = null;
        }
    }

    private void closeModels() {
        closeSequenceModel();
        if (frameModel != null) {
            opener.release(frameModel);
            frameModel = null;
        }
    }

    private void closeBatch() {
        if (batch != null) {
            batch.close();
            batch = null;
            views = null;
        }
    }

    private void closeBuffers() {
        buffered = 0;
        closeBatch();
        if (state != null) {
            state.close();
            state = null;
        }
        if (ratioTensor != null) {
            ratioTensor.close();
            ratioTensor = null;
        }
        ratio = Float.NaN;
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
        closeBuffers();
        closeModels();
        backgrounds.close();
    }
}
