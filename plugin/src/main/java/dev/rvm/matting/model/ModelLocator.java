package dev.rvm.matting.model;

import dev.rvm.models.ModelRegistry;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Turns the {@code model} setting, a built-in name or an ONNX path, into files. */
public final class ModelLocator {

    private ModelLocator() {
    }

    /** The single-frame model: a built-in one (fetched and converted on first use) or the given file. */
    public static Path locate(String nameOrPath) {
        try {
            return ModelRegistry.resolve(nameOrPath);
        } catch (IllegalArgumentException e) {
            throw new ModelException(e.getMessage() + "; give a built-in name or a path to an RVM .onnx file", e);
        } catch (UncheckedIOException e) {
            throw new ModelException(e.getMessage(), e);
        }
    }

    /**
     * The coefficient model for {@code frames} frames per call (1: single-frame), or null for a model
     * given by path (only the built-in weights have one).
     */
    public static Path locateCoefficients(String nameOrPath, int frames) {
        try {
            return ModelRegistry.resolveCoefficients(nameOrPath, frames > 1 ? frames : 0);
        } catch (UncheckedIOException e) {
            throw new ModelException(e.getMessage(), e);
        }
    }

    /** The model taking {@code frames} frames per call, or null when there is none (a model given by path). */
    public static Path locateSequence(String nameOrPath, int frames) {
        try {
            return ModelRegistry.resolveSequence(nameOrPath, frames);
        } catch (UncheckedIOException e) {
            throw new ModelException(e.getMessage(), e);
        }
    }
}
