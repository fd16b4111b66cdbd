package dev.rvm.matting.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.model.RvmModel;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs the network over the frames buffered in a batch, carrying the recurrent state. A full chunk
 * goes to the sequence model in one call when there is one whose length matches; otherwise (and for
 * a partial chunk at the end of a stream) each frame is its own call, which the sequence model
 * reproduces exactly.
 */
final class ChunkRunner {

    /** The tensors a batch puts in front of the model: inputs and the pinned outputs, besides the states. */
    interface Binding {
        int capacity();

        /** Binds frame {@code slot}'s tensors, or the whole chunk's when {@code slot < 0}. */
        void bind(int slot, Map<String, OnnxTensorLike> inputs, Map<String, OnnxValue> outputs);

        /** Names the batch in error messages. */
        String describe();
    }

    private static final Set<String> STATE_OUTPUTS = Set.of(RecurrentState.OUTPUTS);

    private final RvmModel frameModel;
    private final RvmModel sequenceModel;
    private final Map<String, OnnxTensorLike> inputs = new HashMap<>();
    private final Map<String, OnnxValue> pinned = new HashMap<>();

    /** @param sequenceModel a model taking a fixed chunk of frames per call, or null */
    ChunkRunner(RvmModel frameModel, RvmModel sequenceModel) {
        this.frameModel = frameModel;
        this.sequenceModel = sequenceModel;
    }

    /** Mattes frames 0..count-1 of the batch; returns the wall time in milliseconds. */
    double run(Binding batch, int count, RecurrentState state) {
        long t0 = System.nanoTime();
        try {
            if (sequenceModel != null && count == batch.capacity() && sequenceModel.framesPerCall() == count) {
                call(sequenceModel.session(), batch, -1, state);
            } else {
                for (int i = 0; i < count; i++) {
                    call(frameModel.session(), batch, i, state);
                }
            }
        } catch (OrtException e) {
            throw new MattingException("ONNX Runtime failed on " + batch.describe() + ": " + e.getMessage(), e);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private void call(OrtSession session, Binding batch, int slot, RecurrentState state) throws OrtException {
        // the same keys every call (one runner serves one kind of batch): overwriting them allocates nothing
        batch.bind(slot, inputs, pinned);
        for (int i = 0; i < 4; i++) {
            inputs.put(RecurrentState.INPUTS[i], state.input(i));
        }
        if (state.pinned()) {
            for (int i = 0; i < 4; i++) {
                pinned.put(RecurrentState.OUTPUTS[i], state.output(i));
            }
            session.run(inputs, pinned).close();
            state.advance();
        } else {
            for (String name : RecurrentState.OUTPUTS) {
                pinned.remove(name); // shapes unknown yet: this once ONNX Runtime allocates them
            }
            try (OrtSession.Result result = session.run(inputs, STATE_OUTPUTS, pinned)) {
                OnnxValue[] states = new OnnxValue[4];
                for (int i = 0; i < 4; i++) {
                    states[i] = result.get(RecurrentState.OUTPUTS[i]).orElseThrow();
                }
                state.adopt(states);
            }
        }
    }
}
