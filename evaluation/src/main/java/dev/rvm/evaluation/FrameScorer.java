package dev.rvm.evaluation;

import dev.rvm.matting.files.InvalidInputException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Scores a run of consecutive frames of one clip: reads each frame pair once, keeps the previous
 * pair for dtSSD. One per worker thread (it owns the metric scratch buffers); close it when done.
 */
final class FrameScorer implements AutoCloseable {
    private final Set<Metric> metrics;
    private final GradientError gradient = new GradientError();
    private final ConnectivityError connectivity = new ConnectivityError();

    FrameScorer(Set<Metric> metrics) {
        this.metrics = metrics;
    }

    /** Scores frames {@code from} (inclusive) to {@code to} (exclusive) of the clip into {@code scores}. */
    void score(ClipScores scores, int from, int to) {
        Clip clip = scores.clip();
        boolean dtssd = metrics.contains(Metric.PHA_DTSSD);
        FloatImage predPrevious = null;
        FloatImage truePrevious = null;
        if (dtssd && from > 0) {
            truePrevious = ImageFiles.readAlpha(clip.truePha(from - 1));
            predPrevious = readPrediction(clip.predPha(from - 1), clip.truePha(from - 1), truePrevious);
        }
        for (int i = from; i < to; i++) {
            FloatImage truth = ImageFiles.readAlpha(clip.truePha(i));
            FloatImage pred = readPrediction(clip.predPha(i), clip.truePha(i), truth);
            if (truePrevious != null && !truth.sameShape(truePrevious)) {
                throw new InvalidInputException("frame size changes within the clip: " + clip.truePha(i) + " is "
                        + size(truth) + " but the frame before it is " + size(truePrevious));
            }
            score(scores, i, pred, truth, predPrevious, truePrevious);
            predPrevious = pred;
            truePrevious = truth;
        }
    }

    private void score(ClipScores scores, int i, FloatImage pred, FloatImage truth,
                       FloatImage predPrevious, FloatImage truePrevious) {
        if (metrics.contains(Metric.PHA_MAD)) {
            scores.set(Metric.PHA_MAD, i, PixelErrors.mad(pred, truth));
        }
        if (metrics.contains(Metric.PHA_MSE)) {
            scores.set(Metric.PHA_MSE, i, PixelErrors.mse(pred, truth));
        }
        if (metrics.contains(Metric.PHA_GRAD)) {
            scores.set(Metric.PHA_GRAD, i, gradient.compute(pred, truth));
        }
        if (metrics.contains(Metric.PHA_CONN)) {
            scores.set(Metric.PHA_CONN, i, connectivity.compute(pred, truth));
        }
        if (metrics.contains(Metric.PHA_DTSSD)) {
            // Upstream counts the first frame as 0 and keeps it in the clip mean.
            scores.set(Metric.PHA_DTSSD, i, i == 0 ? 0 : PixelErrors.dtssd(pred, predPrevious, truth, truePrevious));
        }
        if (metrics.contains(Metric.FGR_MAD) || metrics.contains(Metric.FGR_MSE)) {
            Clip clip = scores.clip();
            FloatImage trueFgr = ImageFiles.readColor(clip.trueFgr(i));
            FloatImage predFgr = readPrediction(clip.predFgr(i), clip.trueFgr(i), trueFgr);
            if (trueFgr.width() != truth.width() || trueFgr.height() != truth.height()) {
                throw new InvalidInputException("size mismatch: " + clip.trueFgr(i) + " is " + size(trueFgr)
                        + " but its alpha " + clip.truePha(i) + " is " + size(truth));
            }
            if (metrics.contains(Metric.FGR_MAD)) {
                scores.set(Metric.FGR_MAD, i, PixelErrors.maskedMad(predFgr, trueFgr, truth));
            }
            if (metrics.contains(Metric.FGR_MSE)) {
                scores.set(Metric.FGR_MSE, i, PixelErrors.maskedMse(predFgr, trueFgr, truth));
            }
        }
    }

    private static FloatImage readPrediction(Path predFile, Path trueFile, FloatImage truth) {
        FloatImage pred = truth.channels() == 1 ? ImageFiles.readAlpha(predFile) : ImageFiles.readColor(predFile);
        if (!pred.sameShape(truth)) {
            throw new InvalidInputException("size mismatch: prediction " + predFile + " is " + size(pred)
                    + " but the ground truth " + trueFile + " is " + size(truth)
                    + "; predict at the ground truth's resolution");
        }
        return pred;
    }

    private static String size(FloatImage image) {
        return image.width() + "x" + image.height();
    }

    @Override
    public void close() {
        gradient.close();
    }
}
