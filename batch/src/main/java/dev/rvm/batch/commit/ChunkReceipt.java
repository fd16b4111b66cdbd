package dev.rvm.batch.commit;

/**
 * Written into a piece's attempt directory when its outputs are complete, and moved with it when it
 * commits: what the piece holds and who made it.
 */
public record ChunkReceipt(String videoKey, int number, int first, int end, int warmupFrom, int frames, String attempt,
                           double seconds) {

    public static final String FILE = "chunk.json";
}
