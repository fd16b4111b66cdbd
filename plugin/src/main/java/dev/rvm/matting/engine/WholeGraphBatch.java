package dev.rvm.matting.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.compositing.BackgroundRenderer;
import dev.rvm.matting.edges.MatteEdges;
import dev.rvm.matting.pixels.PlanarInput;
import dev.rvm.matting.pixels.RowSplit;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Frames for a model with the upstream whole-graph signature (any RVM ONNX file; the built-in model
 * at ratio 1): the full-resolution planar float input {@code src} and the pinned full-resolution
 * outputs {@code fgr}, {@code pha}, with one tensor per frame (single-frame calls) and one over the
 * whole chunk (sequence calls).
 */
final class WholeGraphBatch extends FrameSlots {

    final FloatBuffer src;
    final FloatBuffer fgr;
    final FloatBuffer pha;
    private final OnnxTensor[] srcFrame;
    private final OnnxTensor[] fgrFrame;
    private final OnnxTensor[] phaFrame;
    private final OnnxTensor srcAll;
    private final OnnxTensor fgrAll;
    private final OnnxTensor phaAll;
    private final OnnxTensor ratioTensor;
    private final FrameView[] views;

    WholeGraphBatch(OrtEnvironment env, int width, int height, float ratio, int capacity, ChunkRunner runner,
                    BackgroundRenderer backgrounds, RowSplit split, MatteEdges edges) throws OrtException {
        super(width, height, ratio, capacity, runner, split, edges);
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
        FloatBuffer rb = RecurrentState.direct(1);
        rb.put(0, ratio);
        ratioTensor = OnnxTensor.createTensor(env, rb, new long[]{1});
        views = new FrameView[capacity];
        for (int i = 0; i < capacity; i++) {
            views[i] = new FrameView(this, i, backgrounds, split);
        }
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

    @Override
    void put(int slot, ByteBuffer pixels, FrameLayout layout, long tag) {
        PlanarInput.toPlanar(pixels, layout, src, srcOffset(slot), split);
        views[slot].tag = tag;
    }

    @Override
    MattedFrame result(int slot, double millis) {
        // the one place this path edits the matte: every output of the view is written from pha
        edges.apply(pha, phaOffset(slot), width, height, split);
        views[slot].millis = millis;
        return views[slot];
    }

    @Override
    public void bind(int slot, Map<String, OnnxTensorLike> inputs, Map<String, OnnxValue> outputs) {
        inputs.put("src", slot < 0 ? srcAll : srcFrame[slot]);
        inputs.put("downsample_ratio", ratioTensor);
        outputs.put("fgr", slot < 0 ? fgrAll : fgrFrame[slot]);
        outputs.put("pha", slot < 0 ? phaAll : phaFrame[slot]);
    }

    @Override
    public String describe() {
        return "a " + width + "x" + height + " frame";
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
        ratioTensor.close();
    }
}
