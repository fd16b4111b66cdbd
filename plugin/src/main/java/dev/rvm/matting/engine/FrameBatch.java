package dev.rvm.matting.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

import java.nio.FloatBuffer;

/**
 * Direct buffers for up to {@code capacity} frames of one size: the network input {@code src} and the
 * pinned outputs {@code fgr}, {@code pha}, with one tensor per frame (single-frame calls) and one over
 * the whole chunk (sequence calls). Allocated once per frame size and chunk length.
 */
final class FrameBatch implements AutoCloseable {

    final int width;
    final int height;
    final int capacity;
    final FloatBuffer src;
    final FloatBuffer fgr;
    final FloatBuffer pha;
    final OnnxTensor[] srcFrame;
    final OnnxTensor[] fgrFrame;
    final OnnxTensor[] phaFrame;
    final OnnxTensor srcAll;
    final OnnxTensor fgrAll;
    final OnnxTensor phaAll;

    FrameBatch(OrtEnvironment env, int width, int height, int capacity) throws OrtException {
        this.width = width;
        this.height = height;
        this.capacity = capacity;
        int plane = width * height;
        src = RecurrentState.direct(capacity * 3 * plane);
        fgr = RecurrentState.direct(capacity * 3 * plane);
        pha = RecurrentState.direct(capacity * plane);
        srcFrame = new OnnxTensor[capacity];
        fgrFrame = new OnnxTensor[capacity];
        phaFrame = new OnnxTensor[capacity];
        long[] rgb1 = {1, 3, height, width};
        long[] a1 = {1, 1, height, width};
        for (int i = 0; i < capacity; i++) {
            srcFrame[i] = OnnxTensor.createTensor(env, src.slice(i * 3 * plane, 3 * plane), rgb1);
            fgrFrame[i] = OnnxTensor.createTensor(env, fgr.slice(i * 3 * plane, 3 * plane), rgb1);
            phaFrame[i] = OnnxTensor.createTensor(env, pha.slice(i * plane, plane), a1);
        }
        srcAll = OnnxTensor.createTensor(env, src, new long[]{capacity, 3, height, width});
        fgrAll = OnnxTensor.createTensor(env, fgr, new long[]{capacity, 3, height, width});
        phaAll = OnnxTensor.createTensor(env, pha, new long[]{capacity, 1, height, width});
    }

    int plane() {
        return width * height;
    }

    int srcOffset(int slot) {
        return slot * 3 * plane();
    }

    int phaOffset(int slot) {
        return slot * plane();
    }

    boolean fits(int w, int h, int n) {
        return w == width && h == height && n == capacity;
    }

    @Override
    public void close() {
        for (OnnxTensor[] set : new OnnxTensor[][]{srcFrame, fgrFrame, phaFrame}) {
            for (OnnxTensor t : set) {
                t.close();
            }
        }
        srcAll.close();
        fgrAll.close();
        phaAll.close();
    }
}
