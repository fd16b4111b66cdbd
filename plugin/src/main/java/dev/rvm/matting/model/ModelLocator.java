package dev.rvm.matting.model;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns the {@code model} setting, a built-in name or an ONNX path, into a file. */
public final class ModelLocator {

    private ModelLocator() {
    }

    /** Anything that looks like a path (a separator, a .onnx ending, an existing file) is a path. */
    public static boolean isPath(String nameOrPath) {
        return nameOrPath.contains("/") || nameOrPath.contains(java.io.File.separator)
                || nameOrPath.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx") || Files.exists(Path.of(nameOrPath));
    }

    public static Path locate(String nameOrPath) {
        if (isPath(nameOrPath)) {
            return Path.of(nameOrPath);
        }
        return builtIn(nameOrPath);
    }

    private static Path builtIn(String name) {
        // The registry lives in the models module (fetch + conversion); it returns the cached ONNX file.
        try {
            Class<?> registry = Class.forName("dev.rvm.models.ModelRegistry");
            return (Path) registry.getMethod("resolve", String.class).invoke(null, name);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new ModelException("cannot provide built-in model '" + name + "': " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new ModelException("built-in model '" + name + "' is not available in this build; give a path to an RVM .onnx file", e);
        }
    }
}
