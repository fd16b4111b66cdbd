package dev.rvm.tools.cli;

import dev.rvm.models.ModelRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Upstream RVM's way of naming the network ({@code --variant}/{@code --model-variant} plus
 * {@code --checkpoint}, {@code --device}) turned into ours ({@code --model}; {@code --device} is read by the matting options).
 * Upstream loads PyTorch checkpoints; this product runs ONNX, so a {@code .pth} is refused with what to give.
 */
final class UpstreamModel {
    static final String MOBILENETV3 = ModelRegistry.MOBILENETV3;
    static final String RESNET50 = "resnet50";

    private UpstreamModel() {
    }

    /**
     * The {@code --model} value a command line means.
     *
     * @param model      --model as typed or defaulted
     * @param modelGiven whether --model was typed
     * @param variant    --variant (null when absent)
     * @param checkpoint --checkpoint (null when absent)
     */
    static String resolve(String model, boolean modelGiven, String variantOption, String variant, Path checkpoint) {
        if (checkpoint != null) {
            if (modelGiven) {
                throw new IllegalArgumentException("give --model or --checkpoint, not both (--checkpoint is upstream's name for --model FILE)");
            }
            return checkpointFile(checkpoint, variant);
        }
        if (variant == null || modelGiven) {
            return model;
        }
        String v = variant.toLowerCase(Locale.ROOT);
        if (v.equals(MOBILENETV3)) {
            return MOBILENETV3;
        }
        if (v.equals(RESNET50)) {
            throw new IllegalArgumentException(variantOption + " resnet50 has no built-in weights here (only mobilenetv3 is "
                    + "published in a form this project can fetch); pass upstream's ONNX export instead: "
                    + "--checkpoint rvm_resnet50_fp32.onnx (or --model rvm_resnet50_fp32.onnx)");
        }
        throw new IllegalArgumentException(variantOption + " must be mobilenetv3 or resnet50, got " + variant);
    }

    private static String checkpointFile(Path checkpoint, String variant) {
        String name = checkpoint.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pth") || name.endsWith(".pt") || name.endsWith(".ckpt")) {
            String v = variant == null ? MOBILENETV3 : variant.toLowerCase(Locale.ROOT);
            throw new IllegalArgumentException("--checkpoint " + checkpoint + " is a PyTorch checkpoint, and this tool runs ONNX "
                    + "models: pass upstream's ONNX export of the same network, --checkpoint rvm_" + v + "_fp32.onnx "
                    + "(made from the .pth by upstream's export_onnx.py, or from its releases)"
                    + (v.equals(MOBILENETV3) ? ", or leave --checkpoint out to use the built-in mobilenetv3" : ""));
        }
        if (!Files.isRegularFile(checkpoint)) {
            throw new IllegalArgumentException("--checkpoint " + checkpoint + " does not exist; give an RVM .onnx file");
        }
        return checkpoint.toString();
    }
}
