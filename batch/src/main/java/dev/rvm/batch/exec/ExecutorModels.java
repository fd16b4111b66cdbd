package dev.rvm.batch.exec;

import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.engine.RecurrentMattingStream;
import dev.rvm.matting.model.RvmModel;
import dev.rvm.matting.model.SessionTuning;
import dev.rvm.models.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ONNX Runtime sessions of this executor JVM: one per model and tuning, opened by the first task
 * that needs it from the broadcast bytes and then lent to every task's stream (ONNX Runtime sessions
 * run concurrent calls), never per task or per partition. Each stream keeps its own frame buffers and
 * recurrent state. The sessions live as long as the JVM: an executor runs one job.
 */
public final class ExecutorModels {

    private static final Map<String, RvmModel> OPEN = new ConcurrentHashMap<>();
    private static final AtomicInteger OPENED = new AtomicInteger();

    private ExecutorModels() {
    }

    /** Sessions this JVM has opened so far (one per model and tuning, however many tasks ran). */
    public static int sessionsOpened() {
        return OPENED.get();
    }

    /** An opener that lends this JVM's sessions of {@code models} to a stream. */
    public static RecurrentMattingStream.ModelOpener lender(ModelShipment models, SessionTuning tuning) {
        return new RecurrentMattingStream.ModelOpener() {
            @Override
            public RvmModel openFrameModel(MattingSettings settings) {
                return session(models.frame(), tuning, false);
            }

            @Override
            public RvmModel openSequenceModel(MattingSettings settings) {
                return models.sequence() == null ? null : session(models.sequence(), tuning, false);
            }

            @Override
            public RvmModel openCoefficientModel(MattingSettings settings, int frames) {
                ModelShipment.Part part = models.coefficients(frames);
                return part == null ? null : session(part, tuning, true);
            }

            @Override
            public void release(RvmModel model) {
                // lent: the session stays open for the executor's next task
            }
        };
    }

    private static RvmModel session(ModelShipment.Part part, SessionTuning tuning, boolean coefficients) {
        return OPEN.computeIfAbsent(part.sha256() + "|" + tuning, key -> {
            Path file = materialize(part.bytes(), part.sha256());
            RvmModel m = coefficients ? RvmModel.openCoefficients(file, tuning) : RvmModel.open(file, tuning);
            OPENED.incrementAndGet();
            return m;
        });
    }

    /** The model as a file of this machine (named by its digest, written once, shared by the node's executors). */
    private static Path materialize(byte[] bytes, String sha256) {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "rvm-batch-models", sha256 + ".onnx");
        try {
            if (!Files.isRegularFile(file) || Files.size(file) != bytes.length) {
                Files.createDirectories(file.getParent());
                AtomicFiles.write(file, bytes);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broadcast model to " + file + ": " + e.getMessage(), e);
        }
    }
}
