package dev.rvm.tools.cli;

import dev.rvm.evaluation.ConsoleTable;
import dev.rvm.evaluation.CsvReport;
import dev.rvm.evaluation.EvaluationResult;
import dev.rvm.evaluation.EvaluationSettings;
import dev.rvm.evaluation.Evaluator;
import dev.rvm.evaluation.HtmlReport;
import dev.rvm.matting.files.InvalidInputException;
import dev.rvm.evaluation.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./rvm evaluate}: upstream RVM's evaluation metrics over a prediction and a ground truth. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {
                "Scores predicted alpha/foreground against ground truth with the RVM paper's metrics.",
                "Both directories use upstream's layout DATASET/CLIP/pha/FRAME.png (and DATASET/CLIP/fgr/FRAME.png "
                        + "for fgr_*); every clip of --true-dir is evaluated and needs every frame in --pred-dir.",
                "Metrics: pha_mad, pha_mse (x1e3), pha_grad, pha_conn (/1e3), pha_dtssd (x1e2), fgr_mad, fgr_mse "
                        + "(x1e3, where the true alpha > 0). Prints clip means and each dataset's mean of clip means."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pred-dir", required = true, paramLabel = "DIR", description = "Predictions: DATASET/CLIP/pha/*.png.")
    Path predDir;

    @Option(names = "--true-dir", required = true, paramLabel = "DIR", description = "Ground truth: DATASET/CLIP/pha/*.png.")
    Path trueDir;

    @Option(names = "--metrics", arity = "1..*", split = ",", paramLabel = "METRIC",
            description = "Metrics, space-separated as upstream (--metrics pha_mad pha_mse) or comma-separated (default: all).")
    List<String> metrics = List.of(Metric.allNames());

    @Option(names = {"--workers", "--num-workers"}, paramLabel = "N", description = "Worker threads (default: ${DEFAULT-VALUE}, the cores).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write one row per clip to this CSV file.")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report with per-frame charts.")
    Path html;

    @Override
    public Integer call() throws Exception {
        EvaluationSettings settings = new EvaluationSettings(predDir, trueDir, Metric.parseList(String.join(",", metrics)), workers);
        // Checked before the (possibly long) evaluation, not after it.
        requireWritable(csv, "--csv");
        requireWritable(html, "--html");
        long start = System.nanoTime();
        EvaluationResult result = Evaluator.evaluate(settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        ConsoleTable.print(result, spec.commandLine().getOut());
        int frames = result.clips().stream().mapToInt(c -> c.frames()).sum();
        spec.commandLine().getErr().printf("rvm evaluate: %d clips, %d frames in %.1f s with %d workers%n",
                result.clips().size(), frames, seconds, workers);
        if (csv != null) {
            CsvReport.write(result, csv);
        }
        if (html != null) {
            HtmlReport.write(result, settings, html);
        }
        spec.commandLine().getErr().flush();
        return 0;
    }

    private static void requireWritable(Path report, String option) {
        if (report == null) {
            return;
        }
        Path parent = report.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new InvalidInputException(option + " " + report + ": directory " + parent + " does not exist; create it first");
        }
        if (Files.isDirectory(report)) {
            throw new InvalidInputException(option + " " + report + " is a directory; give a file name");
        }
    }
}
