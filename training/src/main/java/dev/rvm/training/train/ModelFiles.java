package dev.rvm.training.train;

import dev.rvm.models.ModelRegistry;
import dev.rvm.training.net.MattingNetwork;
import dev.rvm.training.net.RefinerKind;
import dev.rvm.training.net.Variant;
import dev.rvm.training.onnx.ConvertedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a run's weights come from ({@code --init}) and where they go ({@code --output}): the
 * built-in model, an ONNX file in the converted layout, a training checkpoint, or a fresh
 * initialisation; out to an ONNX file the element loads (the template's initializers replaced) or
 * to a checkpoint file for networks that have no converted form.
 */
final class ModelFiles {
    private ModelFiles() {
    }

    static boolean isOnnx(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    /** Refuses, before any work, an output the network cannot be written to. */
    static void checkOutput(TrainingConfig c) {
        Path out = c.output();
        if (out == null) {
            return;
        }
        if (isOnnx(out) && (c.variant() != Variant.MOBILENETV3 || c.refiner() != RefinerKind.FAST_GUIDED_FILTER)) {
            throw new IllegalArgumentException("--output " + out + ": an ONNX file for the element holds the mobilenetv3 "
                    + "network with the fast guided filter, as the built-in model; " + c.variant().cliName() + " with "
                    + c.refiner().cliName() + " is saved as a training checkpoint: give --output FILE.ckpt");
        }
        if (!isOnnx(out) && !out.getFileName().toString().endsWith(".ckpt")) {
            throw new IllegalArgumentException("--output must end in .onnx (for the element) or .ckpt (a checkpoint); got " + out);
        }
        Path dir = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--output " + out + ": directory " + dir + " does not exist; create it first");
        }
    }

    /** The ONNX file whose graph an export fills: the --init file when it is one, else the built-in model. */
    static Path template(TrainingConfig c) {
        if (!c.init().equals(ModelRegistry.MOBILENETV3) && !c.init().equals("none") && isOnnx(Path.of(c.init()))) {
            return Path.of(c.init());
        }
        return ModelRegistry.resolve(ModelRegistry.MOBILENETV3);
    }

    /** Loads the --init weights; returns a line saying what was loaded. */
    static String initialise(TrainingConfig c, MattingNetwork net) throws IOException {
        String init = c.init();
        if (init.equals("none")) {
            return "weights: fresh initialisation (seed " + c.seed() + ")";
        }
        if (init.equals(ModelRegistry.MOBILENETV3) || isOnnx(Path.of(init))) {
            if (c.variant() != Variant.MOBILENETV3) {
                throw new IllegalArgumentException("--init " + init + " holds mobilenetv3 weights; --variant " + c.variant().cliName()
                        + " starts from --init none or from one of its own checkpoints");
            }
            Path file = init.equals(ModelRegistry.MOBILENETV3) ? ModelRegistry.resolve(ModelRegistry.MOBILENETV3) : Path.of(init);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--init " + init + " is neither mobilenetv3, none, nor an existing .onnx or .ckpt file");
            }
            ConvertedModel.read(file).loadInto(net);
            return "weights: " + file + (init.equals(ModelRegistry.MOBILENETV3) ? " (built-in mobilenetv3)" : "");
        }
        Path ckpt = Path.of(init);
        if (!Files.isRegularFile(ckpt)) {
            throw new IllegalArgumentException("--init " + init + " is neither mobilenetv3, none, nor an existing .onnx or .ckpt file");
        }
        Checkpoint.loadValues(Checkpoint.read(ckpt), net, ckpt);
        return "weights: " + ckpt + " (checkpoint)";
    }

    static void export(TrainingConfig c, MattingNetwork net, long steps, Map<String, String> metadata) throws IOException {
        if (isOnnx(c.output())) {
            ConvertedModel.read(template(c)).export(net, c.output(), metadata);
        } else {
            Checkpoint.saveValues(c.output(), steps, c.fingerprint(), net);
        }
    }
}
