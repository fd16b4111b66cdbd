package dev.rvm.matting.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.rvm.models.onnx.Onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An RVM network loaded into ONNX Runtime: the one owner of its {@link OrtSession} and of the
 * {@link OrtSession.SessionOptions} it was made with, which ONNX Runtime requires to outlive the session.
 */
public final class RvmModel implements AutoCloseable {

    private final Path file;
    private final ModelSignature signature;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;

    private RvmModel(Path file, ModelSignature signature, OrtSession.SessionOptions options, OrtSession session) {
        this.file = file;
        this.signature = signature;
        this.options = options;
        this.session = session;
    }

    /** Opens a built-in model by name ({@code mobilenetv3}) or an ONNX file by path. */
    public static RvmModel open(String nameOrPath, SessionTuning tuning) {
        return open(ModelLocator.locate(nameOrPath), tuning);
    }

    /** Opens an ONNX file with the upstream RVM signature, after checking that signature. */
    public static RvmModel open(Path file, SessionTuning tuning) {
        return open(file, tuning, ModelSignature::of);
    }

    /** Opens a coefficient model (the built-in network cut at the guided filter), after checking its signature. */
    public static RvmModel openCoefficients(Path file, SessionTuning tuning) {
        return open(file, tuning, ModelSignature::coefficients);
    }

    private static RvmModel open(Path file, SessionTuning tuning,
                                 java.util.function.BiFunction<Onnx.ModelProto, String, ModelSignature> check) {
        byte[] bytes = read(file);
        Onnx.ModelProto proto;
        try {
            proto = Onnx.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelException(file + " is not a readable ONNX model (" + e.getMessage()
                    + "); the file is truncated or not ONNX: fetch or export it again", e);
        }
        if (proto.getIrVersion() <= 0) {
            throw new ModelException(file + " is not an ONNX model (no IR version); give a .onnx file exported from RVM");
        }
        ModelSignature signature = check.apply(proto, file.toString());
        proto = null; // the session keeps its own copy; let the parsed graph go
        OrtSession.SessionOptions options;
        try {
            options = tuning.toOptions();
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime cannot load " + file + ": " + e.getMessage(), e);
        }
        try {
            return new RvmModel(file, signature, options, environment().createSession(bytes, options));
        } catch (OrtException e) {
            options.close();
            throw new ModelException("ONNX Runtime cannot load " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /** The one ONNX Runtime environment of this process. */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelException("model file " + file + " does not exist; give an existing .onnx file or a built-in model name", e);
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Frames one call consumes: 1 for the upstream single-frame export, N for a sequence model. */
    public int framesPerCall() {
        return signature.framesPerCall();
    }

    public OrtSession session() {
        return session;
    }

    /** The options the session was made with: open for as long as the session is. */
    OrtSession.SessionOptions sessionOptions() {
        return options;
    }

    /** Closes the session, then the options it was made with. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new ModelException("closing the ONNX Runtime session of " + file + " failed: " + e.getMessage(), e);
        } finally {
            options.close();
        }
    }
}
