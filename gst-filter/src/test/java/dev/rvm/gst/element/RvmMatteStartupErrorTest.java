package dev.rvm.gst.element;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model that cannot be loaded is an element error on the bus at READY, never a hang or a crash. */
class RvmMatteStartupErrorTest {

    @BeforeAll
    static void realCore() {
        GstTestSupport.initWithCore();
    }

    @AfterAll
    static void backToLuma() {
        GstTestSupport.initWithLuma(0);
    }

    @Test
    void missingModelIsAnErrorMessageNamingIt() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=2 ! videoconvert ! rvmmatte model=/nonexistent/rvm.onnx ! fakesink")) {
            run.play().awaitEnd(60);
            assertFalse(run.errors.isEmpty());
            assertTrue(run.errors.get(0).contains("rvmmatte could not start"), () -> "errors: " + run.errors);
        }
    }

    @Test
    void corruptModelIsAnErrorMessage() throws Exception {
        Path bad = Files.createTempFile("corrupt", ".onnx");
        Files.writeString(bad, "this is not an ONNX protobuf");
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=2 ! videoconvert ! rvmmatte model=" + bad + " ! fakesink")) {
            run.play().awaitEnd(60);
            assertFalse(run.errors.isEmpty());
            assertTrue(run.errors.get(0).contains("rvmmatte could not start"), () -> "errors: " + run.errors);
        } finally {
            Files.deleteIfExists(bad);
        }
    }

    @Test
    void unreadableBackgroundPictureIsAnErrorMessageNamingTheProperty() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=2 ! videoconvert ! rvmmatte background=image ! fakesink")) {
            run.play().awaitEnd(60);
            assertTrue(!run.errors.isEmpty() && run.errors.get(0).contains("background-location"), () -> "errors: " + run.errors);
        }
    }
}
