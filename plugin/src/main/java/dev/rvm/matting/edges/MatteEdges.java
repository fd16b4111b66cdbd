package dev.rvm.matting.edges;

import dev.rvm.matting.pixels.PackedOutput;
import dev.rvm.matting.pixels.PlanarInput;
import dev.rvm.matting.pixels.RowSplit;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The edge controls on a stream's float matte, between the model and the outputs: the matte goes to
 * its 8-bit form (the bytes every output is written from), {@link EdgeFilter} edits that, and the
 * result comes back as unit floats, so the alpha output, the composite and the straight-alpha output
 * all follow the edited matte. At the defaults nothing runs: the matte stays the network's, bit for bit.
 * The 8-bit plane is allocated once per frame size.
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

    /** Edits {@code width * height} alpha floats from {@code offset} in place (rows packed). */
    public void apply(FloatBuffer pha, int offset, int width, int height, RowSplit split) {
        if (filter.settings().isIdentity()) {
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
