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
import dev.rvm.matting.pixels.DownsampledInput;
import dev.rvm.matting.pixels.FullResolutionPass;
import dev.rvm.matting.pixels.RowSplit;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Frames for the coefficient model (the built-in network cut at the guided filter): the network sees
 * only the downsampled frame, made straight from the 8-bit pixels, and returns the low-resolution
 * coefficients A and b; each result is then made at full resolution by one {@link FullResolutionPass}
 * over the host's 8-bit frame. With one frame per chunk that frame is read where the host keeps it
 * (its result is handed out before {@code submit} returns); longer chunks keep an 8-bit copy per slot.
 *
 * <p>With edge controls set, a result's 8-bit matte is made first, into one plane shared by the slots,
 * edited there, and every other output of that result is made from it (see {@link FusedFrameView}).
 */
final class CoefficientBatch extends FrameSlots {

    private final int smallWidth;
    private final int smallHeight;
    final FloatBuffer coefA;
    final FloatBuffer coefB;
    private final FloatBuffer small;
    private final OnnxTensor[] smallFrame;
    private final OnnxTensor[] aFrame;
    private final OnnxTensor[] bFrame;
    private final OnnxTensor smallAll;
    private final OnnxTensor aAll;
    private final OnnxTensor bAll;
    private final ByteBuffer[] copies;
    private final FusedFrameView[] views;
    private final DownsampledInput input;
    /** The edited 8-bit matte of one result (allocated on first use) and the view it belongs to. */
    private ByteBuffer matte;
    private FusedFrameView matteOwner;

    /** The network's size for a frame and ratio, as the graph computes it (float32 multiply, truncation). */
    static int networkSize(int size, float ratio) {
        return (int) ((float) size * ratio);
    }

    /** Whether the coefficient path can take this frame: the guided filter's 3x3 box needs 3x3 network pixels. */
    static boolean fits(int width, int height, float ratio) {
        return ratio != 1f && networkSize(width, ratio) >= 3 && networkSize(height, ratio) >= 3;
    }

    CoefficientBatch(OrtEnvironment env, int width, int height, float ratio, int capacity, ChunkRunner runner,
                     BackgroundRenderer backgrounds, RowSplit split, MatteEdges edges) throws OrtException {
        super(width, height, ratio, capacity, runner, split, edges);
        smallWidth = networkSize(width, ratio);
        smallHeight = networkSize(height, ratio);
        // the box filter is unpadded: two 3-tap VALID convolutions take a row and a column off each side
        int cw = smallWidth - 2;
        int ch = smallHeight - 2;
        int smallPlane = smallWidth * smallHeight;
        int coefPlanes = 4 * cw * ch;
        small = RecurrentState.direct(capacity * 3 * smallPlane);
        coefA = RecurrentState.direct(capacity * coefPlanes);
        coefB = RecurrentState.direct(capacity * coefPlanes);
        smallFrame = new OnnxTensor[capacity];
        aFrame = new OnnxTensor[capacity];
        bFrame = new OnnxTensor[capacity];
        for (int i = 0; i < capacity; i++) {
            smallFrame[i] = OnnxTensor.createTensor(env, small.slice(i * 3 * smallPlane, 3 * smallPlane),
                    new long[]{1, 3, smallHeight, smallWidth});
            aFrame[i] = OnnxTensor.createTensor(env, coefA.slice(i * coefPlanes, coefPlanes), new long[]{1, 4, ch, cw});
            bFrame[i] = OnnxTensor.createTensor(env, coefB.slice(i * coefPlanes, coefPlanes), new long[]{1, 4, ch, cw});
        }
        smallAll = OnnxTensor.createTensor(env, small, new long[]{capacity, 3, smallHeight, smallWidth});
        aAll = OnnxTensor.createTensor(env, coefA, new long[]{capacity, 4, ch, cw});
        bAll = OnnxTensor.createTensor(env, coefB, new long[]{capacity, 4, ch, cw});
        input = new DownsampledInput(width, height, smallWidth, smallHeight);
        FullResolutionPass pass = new FullResolutionPass(width, height, cw, ch);
        copies = new ByteBuffer[capacity > 1 ? capacity : 0];
        views = new FusedFrameView[capacity];
        for (int i = 0; i < capacity; i++) {
            views[i] = new FusedFrameView(this, i * coefPlanes, pass, backgrounds, split, edges);
        }
    }

    @Override
    void put(int slot, ByteBuffer pixels, FrameLayout layout, long tag) {
        input.write(pixels, layout, small, slot * 3 * smallWidth * smallHeight, split);
        ByteBuffer frame = pixels;
        if (copies.length > 0) {
            // the result comes out after later frames: keep this one's 8-bit pixels
            int bytes = layout.byteSize();
            if (copies[slot] == null || copies[slot].capacity() < bytes) {
                copies[slot] = ByteBuffer.allocateDirect(bytes);
            }
            frame = copies[slot].clear().put(0, pixels, pixels.position(), bytes);
        }
        views[slot].take(frame, layout, tag);
    }

    /** The matte plane, owned from now on by {@code view} (whose matte it must then be made into). */
    ByteBuffer claimMatte(FusedFrameView view) {
        if (matte == null) {
            matte = ByteBuffer.allocateDirect(width * height);
        }
        matteOwner = view;
        return matte;
    }

    /** The plane if it still holds {@code view}'s matte, else null. */
    ByteBuffer matteOf(FusedFrameView view) {
        return matteOwner == view ? matte : null;
    }

    @Override
    MattedFrame result(int slot, double millis) {
        views[slot].millis = millis;
        return views[slot];
    }

    @Override
    void released(int count) {
        // a view used after its handler returned must fail, not read a buffer the host has released
        for (int i = 0; i < count; i++) {
            views[i].release();
        }
        matteOwner = null;
    }

    @Override
    public void bind(int slot, Map<String, OnnxTensorLike> inputs, Map<String, OnnxValue> outputs) {
        inputs.put("src_small", slot < 0 ? smallAll : smallFrame[slot]);
        outputs.put("coef_a", slot < 0 ? aAll : aFrame[slot]);
        outputs.put("coef_b", slot < 0 ? bAll : bFrame[slot]);
    }

    @Override
    public String describe() {
        return "a " + width + "x" + height + " frame (network input " + smallWidth + "x" + smallHeight + ")";
    }

    @Override
    public void close() {
        for (OnnxTensor[] set : new OnnxTensor[][]{smallFrame, aFrame, bFrame}) {
            for (OnnxTensor t : set) {
                t.close();
            }
        }
        smallAll.close();
        aAll.close();
        bAll.close();
    }
}
