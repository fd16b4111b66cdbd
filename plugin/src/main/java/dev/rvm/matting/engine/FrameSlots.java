package dev.rvm.matting.engine;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingStream;

import java.nio.ByteBuffer;

/**
 * Up to one chunk of frames of one size and ratio on their way through the network: each frame is
 * put into a slot (converted into the network's input), the chunk is run, and each slot's result is
 * handed out as a view over reused buffers. Allocated once per frame size, ratio and chunk length.
 */
interface FrameSlots extends AutoCloseable {

    int width();

    int height();

    float ratio();

    int capacity();

    /** Takes frame {@code slot} of the chunk; after this the caller's buffer may only be read until {@link #flush}. */
    void put(int slot, ByteBuffer pixels, FrameLayout layout, long tag);

    /** Runs slots 0..count-1 through the network and hands each result to {@code out}, in order. */
    void flush(int count, RecurrentState state, MattingStream.ResultHandler out);

    @Override
    void close();
}
