package dev.rvm.matting.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * The four ConvGRU states carried from one model call to the next. Starts as [1,1,1,1] zeros (valid
 * for any frame size); after the first call the states' real shapes are known and two sets of
 * direct buffers take turns as input and pinned output, so no state is ever copied to the heap.
 */
final class RecurrentState implements AutoCloseable {

    static final String[] INPUTS = {"r1i", "r2i", "r3i", "r4i"};
    static final String[] OUTPUTS = {"r1o", "r2o", "r3o", "r4o"};

    private final OrtEnvironment env;
    private final OnnxTensor[] initial = new OnnxTensor[4];
    private OnnxTensor[] current;
    private OnnxTensor[] next;
    private FloatBuffer[] currentBuffers;
    private FloatBuffer[] nextBuffers;
    private boolean atStart = true;

    RecurrentState(OrtEnvironment env) throws OrtException {
        this.env = env;
        for (int i = 0; i < 4; i++) {
            initial[i] = OnnxTensor.createTensor(env, direct(1), new long[]{1, 1, 1, 1});
        }
    }

    /** Whether outputs can be pinned (shapes known); otherwise take them from the result once. */
    boolean pinned() {
        return current != null;
    }

    OnnxTensor input(int i) {
        return atStart && current == null ? initial[i] : current[i];
    }

    OnnxTensor output(int i) {
        return next[i];
    }

    /** After a pinned call: the outputs become the next inputs. */
    void advance() {
        OnnxTensor[] t = current;
        current = next;
        next = t;
        FloatBuffer[] b = currentBuffers;
        currentBuffers = nextBuffers;
        nextBuffers = b;
        atStart = false;
    }

    /** After the first (unpinned) call: allocate both sets with the outputs' shapes, keep the outputs. */
    void adopt(OnnxValue[] outputs) throws OrtException {
        current = new OnnxTensor[4];
        next = new OnnxTensor[4];
        currentBuffers = new FloatBuffer[4];
        nextBuffers = new FloatBuffer[4];
        for (int i = 0; i < 4; i++) {
            OnnxTensor out = (OnnxTensor) outputs[i];
            long[] shape = ((TensorInfo) out.getInfo()).getShape();
            int n = Math.toIntExact(((TensorInfo) out.getInfo()).getNumElements());
            currentBuffers[i] = direct(n);
            nextBuffers[i] = direct(n);
            currentBuffers[i].put(0, out.getFloatBuffer(), 0, n);
            current[i] = OnnxTensor.createTensor(env, currentBuffers[i], shape);
            next[i] = OnnxTensor.createTensor(env, nextBuffers[i], shape);
        }
        atStart = false;
    }

    /** Back to zero memory without giving up the buffers (zeros of full shape equal the [1,1,1,1] start). */
    void reset() {
        if (current == null) {
            return;
        }
        for (FloatBuffer b : currentBuffers) {
            zero(b);
        }
        atStart = true;
    }

    /** Copy of state i, for tests and diagnostics. */
    float[] snapshot(int i) {
        FloatBuffer b = current == null ? null : currentBuffers[i];
        if (b == null) {
            return new float[1];
        }
        float[] out = new float[b.capacity()];
        b.get(0, out);
        return out;
    }

    private static void zero(FloatBuffer b) {
        for (int i = 0, n = b.capacity(); i < n; i++) {
            b.put(i, 0f);
        }
    }

    static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public void close() {
        for (OnnxTensor[] set : new OnnxTensor[][]{initial, current, next}) {
            if (set != null) {
                for (OnnxTensor t : set) {
                    if (t != null) {
                        t.close();
                    }
                }
            }
        }
    }
}
