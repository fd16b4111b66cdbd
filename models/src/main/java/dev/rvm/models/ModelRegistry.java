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
    /**
     * The same for the coefficient models (their own name in the cache, so the whole models that
     * other processes read stay untouched when only these change).
     */
    static final int COEFFICIENT_REVISION = 3;

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

    /**
     * The coefficient model of a built-in model (the network from the downsampled frame to the guided
     * filter's low-resolution coefficients; frames 0 = single-frame, else a sequence model), or null for
     * a model given by path: an upstream ONNX file has only the whole-graph signature.
     */
    public static Path resolveCoefficients(String nameOrPath, int frames) {
        if (!isBuiltIn(nameOrPath)) {
            return null;
        }
        String seq = frames == 0 ? "" : "-seq" + frames;
        return cached(MOBILENETV3 + "-coef" + seq + "-r" + CONVERTER_REVISION + "c" + COEFFICIENT_REVISION + ".onnx",
                () -> TfjsToOnnxConverter.convertCoefficients(load(), frames, metadata()));
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

    @FunctionalInterface
    private interface Conversion {
        ModelProto run() throws IOException;
    }

    private static Path cached(String fileName, int frames) {
        return cached(fileName, () -> convert(frames));
    }

    /**
     * The cache entry, converted first if absent. Other processes may read or create the same entry at
     * the same time: it appears complete under its name once, and an existing file is never rewritten.
     */
    private static synchronized Path cached(String fileName, Conversion conversion) {
        Path target = ModelCache.directory().resolve(fileName);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            ModelProto model = conversion.run();
            AtomicFiles.writeNew(target, tmp -> {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    model.writeTo(os);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the built-in model: " + e.getMessage(), e);
        }
        return target;
    }

    private static ModelProto convert(int frames) throws IOException {
        TfjsGraphModel graph = load();
        Map<String, String> meta = metadata();
        return frames == 0 ? TfjsToOnnxConverter.convert(graph, meta)
                : TfjsToOnnxConverter.convertSequence(graph, frames, meta);
    }

    private static TfjsGraphModel load() throws IOException {
        NpmPackage weights = NpmPackage.RVM_WEIGHTS;
        weights.fetch();
        return TfjsGraphModel.load(weights.file("models/rvm.json"), weights.file("models/rvm.bin"));
    }

    private static Map<String, String> metadata() {
        NpmPackage weights = NpmPackage.RVM_WEIGHTS;
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source_package", weights.spec());
        meta.put("source_integrity", weights.integrity());
        meta.put("license", "GPL-3.0 (Robust Video Matting weights)");
        meta.put("converter_revision", Integer.toString(CONVERTER_REVISION));
        return meta;
    }
}
