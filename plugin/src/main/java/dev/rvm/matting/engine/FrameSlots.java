package dev.rvm.matting.engine;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.edges.MatteEdges;
import dev.rvm.matting.pixels.RowSplit;

import java.nio.ByteBuffer;

/**
 * Up to one chunk of frames of one size and ratio on their way through the network: each frame is
 * put into a slot (converted into the network's input), the chunk is run, and each slot's result is
 * handed out as a view over reused buffers. Allocated once per frame size, ratio and chunk length.
 * Every output of a result follows the stream's edge controls ({@link MatteEdges}).
 */
abstract class FrameSlots implements ChunkRunner.Binding, AutoCloseable {

    final int width;
    final int height;
    final float ratio;
    final int capacity;
    final RowSplit split;
    final MatteEdges edges;
    private final ChunkRunner runner;

    FrameSlots(int width, int height, float ratio, int capacity, ChunkRunner runner, RowSplit split, MatteEdges edges) {
        this.width = width;
        this.height = height;
        this.ratio = ratio;
        this.capacity = capacity;
        this.runner = runner;
        this.split = split;
        this.edges = edges;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    float ratio() {
        return ratio;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /** Takes frame {@code slot} of the chunk; after this the caller's buffer may only be read until {@link #flush}. */
    abstract void put(int slot, ByteBuffer pixels, FrameLayout layout, long tag);

    /** Slot {@code slot}'s result after a run whose wall time per frame was {@code millis}. */
    abstract MattedFrame result(int slot, double millis);

    /** After the results of slots 0..count-1 were handed out (or their handler failed). */
    void released(int count) {
    }

    /** Runs slots 0..count-1 through the network and hands each result to {@code out}, in order. */
    final void flush(int count, RecurrentState state, MattingStream.ResultHandler out) {
        try {
            double ms = runner.run(this, count, state);
            for (int i = 0; i < count; i++) {
                out.onResult(result(i, ms / count));
            }
        } finally {
            released(count);
        }
    }

    @Override
    public abstract void close();
}
