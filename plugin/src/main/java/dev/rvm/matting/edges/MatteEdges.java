package dev.rvm.matting.edges;

import dev.rvm.matting.pixels.PackedOutput;
import dev.rvm.matting.pixels.PlanarInput;
import dev.rvm.matting.pixels.RowSplit;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The edge controls on a stream's matte, between the model and the outputs, so that the alpha output,
 * the composite and the straight-alpha output all follow the edited matte. At the defaults nothing
 * runs: the matte stays the network's, bit for bit.
 *
 * <p>Two forms, one per path of the stream. A full-resolution float matte (the whole graph) goes to its
 * 8-bit form (the bytes every output is written from), {@link EdgeFilter} edits that, and the result
 * comes back as unit floats ({@link #apply}); the 8-bit plane is allocated once per frame size. The
 * coefficient path writes its 8-bit matte directly and has it edited in place ({@link #edit}).
 */
public final class MatteEdges implements AutoCloseable {

    private final EdgeFilter filter = new EdgeFilter();
    private ByteBuffer plane;

    public void configure(EdgeSettings settings) {
        filter.configure(settings);
    }

    public EdgeSettings settings() {
        return filter.settings();
    }

    /** False at the defaults: the matte is the network's and no pass, copy or conversion is needed. */
    public boolean active() {
        return !filter.settings().isIdentity();
    }

    /** Edits an 8-bit matte in place: {@code width x height} bytes, rows {@code stride} apart from its position. */
    public void edit(ByteBuffer matte, int width, int height, int stride) {
        filter.apply(matte, width, height, stride);
    }

    /** Edits {@code width * height} alpha floats from {@code offset} in place (rows packed). */
    public void apply(FloatBuffer pha, int offset, int width, int height, RowSplit split) {
        if (!active()) {
            return;
        }
        int pixels = width * height;
        if (plane == null || plane.capacity() != pixels) {
            plane = ByteBuffer.allocateDirect(pixels);
        }
        PackedOutput.alpha(pha, offset, width, height, plane, width, split);
        filter.apply(plane, width, height, width);
        PlanarInput.alpha(plane, width, pha, offset, width, height, split);
    }

    @Override
    public void close() {
        filter.close();
    }
}
