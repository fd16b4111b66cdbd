package dev.rvm.batch.commit;

import dev.rvm.batch.plan.ChunkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first attempt to commit a piece wins; later ones are discarded; a piece counts only with its receipt. */
class ChunkCommitTest {

    @TempDir
    Path out;

    static final ChunkSpec PIECE = new ChunkSpec("clip", "/clip.mp4", "key1", 1, 3, 0, 40, 50, 100);

    private Path attempt(JobLayout layout, String id, String content) throws Exception {
        Path a = layout.attempt(PIECE, id);
        Files.createDirectories(a);
        Files.writeString(a.resolve("com.mp4"), content);
        Json.write(a.resolve(ChunkReceipt.FILE), new ChunkReceipt("key1", 1, 50, 100, 40, 50, id, 1.0));
        return a;
    }

    @Test
    void theFirstCommittedAttemptWins() throws Exception {
        JobLayout layout = new JobLayout(out, "job");
        Path first = attempt(layout, "a1", "first");
        Path second = attempt(layout, "a2", "second");
        assertNull(ChunkCommit.committed(layout, PIECE));
        assertTrue(ChunkCommit.commit(first, layout.committed(PIECE)));
        assertFalse(ChunkCommit.commit(second, layout.committed(PIECE)), "a later attempt loses");
        assertFalse(Files.exists(second), "and its work is thrown away");
        assertEquals("first", Files.readString(layout.committed(PIECE).resolve("com.mp4")));
        ChunkReceipt r = ChunkCommit.committed(layout, PIECE);
        assertNotNull(r);
        assertEquals("a1", r.attempt());
    }

    @Test
    void aPieceOfAnotherInputOrPlanIsNotCommitted() throws Exception {
        JobLayout layout = new JobLayout(out, "job");
        ChunkCommit.commit(attempt(layout, "a1", "x"), layout.committed(PIECE));
        assertNull(ChunkCommit.committed(layout, new ChunkSpec("clip", "/clip.mp4", "key2", 1, 3, 0, 40, 50, 100)),
                "the input file changed (other key)");
        assertNull(ChunkCommit.committed(layout, new ChunkSpec("clip", "/clip.mp4", "key1", 1, 3, 0, 40, 50, 120)),
                "the piece has other frames");
    }

    @Test
    void anAttemptWithoutItsReceiptIsNotAPiece() throws Exception {
        JobLayout layout = new JobLayout(out, "job");
        Path a = layout.attempt(PIECE, "a1");
        Files.createDirectories(a);
        Files.writeString(a.resolve("com.mp4"), "half");
        assertNull(ChunkCommit.committed(layout, PIECE));
    }

    @Test
    void theLayoutMatchesTheDocumentedOne() {
        JobLayout layout = new JobLayout(out, "job");
        assertEquals(out.resolve("_tmp/job/clip/chunk-00001/attempt-app-7"), layout.attempt(PIECE, "app-7"));
        assertEquals(out.resolve("_tmp/job/clip/chunk-00001/committed"), layout.committed(PIECE));
        assertEquals(out.resolve("clip/_SUCCESS"), layout.success("clip"));
    }
}
