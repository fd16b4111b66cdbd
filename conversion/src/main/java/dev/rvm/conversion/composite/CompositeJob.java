package dev.rvm.conversion.composite;

import dev.rvm.models.AtomicFiles;

import dev.rvm.matting.files.FrameFiles;
import dev.rvm.matting.files.InvalidInputException;
import dev.rvm.matting.compositing.OpenCvLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Makes one evaluation clip like upstream's generate_*_with_background_* scripts: for each
 * foreground/alpha frame pair, the (resized) foreground and alpha and their composite over the
 * background go to {@code OUTPUT/fgr}, {@code OUTPUT/pha} and {@code OUTPUT/com} as PNG, under the
 * foreground frame's name. That is the ground-truth layout {@code ./rvm evaluate} reads.
 */
public final class CompositeJob {
    private CompositeJob() {
    }

    /** Runs the job and returns the number of frames written. */
    public static int run(CompositeSettings settings) throws IOException {
        OpenCvLoader.ensureLoaded();
        List<Path> fgrFrames = frames(settings.fgrDir(), "--fgr-dir");
        for (Path fgr : fgrFrames) {
            Path pha = settings.phaDir().resolve(fgr.getFileName());
            if (!Files.isRegularFile(pha)) {
                throw new InvalidInputException("missing alpha frame " + pha + " for foreground " + fgr
                        + "; --pha-dir needs a frame of the same name for every foreground frame");
            }
        }
        BackgroundSource background = BackgroundSource.open(settings.background());
        Path comDir = Files.createDirectories(settings.output().resolve("com"));
        Path phaDir = Files.createDirectories(settings.output().resolve("pha"));
        Path fgrDir = Files.createDirectories(settings.output().resolve("fgr"));
        for (int i = 0; i < fgrFrames.size(); i++) {
            Path fgrFile = fgrFrames.get(i);
            Path phaFile = settings.phaDir().resolve(fgrFile.getFileName());
            String name = pngName(fgrFile);
            Mat fgr = read(fgrFile, Imgcodecs.IMREAD_COLOR);
            Mat pha = read(phaFile, Imgcodecs.IMREAD_GRAYSCALE);
            Mat bg = background.frame(i);
            Mat fgrSized = null;
            Mat phaSized = null;
            Mat bgSized = null;
            Mat com = null;
            try {
                if (fgr.size().width != pha.size().width || fgr.size().height != pha.size().height) {
                    throw new InvalidInputException("size mismatch: foreground " + fgrFile + " is " + size(fgr)
                            + " but alpha " + phaFile + " is " + size(pha));
                }
                FrameSize target = settings.size() != null ? settings.size() : new FrameSize(fgr.cols(), fgr.rows());
                fgrSized = CoverResize.apply(fgr, target);
                phaSized = CoverResize.apply(pha, target);
                bgSized = CoverResize.apply(bg, target);
                com = new Mat(target.height(), target.width(), CvType.CV_8UC3);
                composite(fgrSized, phaSized, bgSized, com);
                write(comDir.resolve(name), com);
                write(phaDir.resolve(name), phaSized);
                write(fgrDir.resolve(name), fgrSized);
            } finally {
                for (Mat m : new Mat[] {fgr, pha, bg, fgrSized, phaSized, bgSized, com}) {
                    if (m != null) {
                        m.release();
                    }
                }
            }
        }
        return fgrFrames.size();
    }

    private static void composite(Mat fgr, Mat pha, Mat bg, Mat com) {
        int pixels = fgr.rows() * fgr.cols();
        byte[] f = new byte[pixels * 3];
        byte[] a = new byte[pixels];
        byte[] b = new byte[pixels * 3];
        byte[] out = new byte[pixels * 3];
        fgr.get(0, 0, f);
        pha.get(0, 0, a);
        bg.get(0, 0, b);
        Blend.composite(f, a, b, out);
        com.put(0, 0, out);
    }

    private static Mat read(Path file, int flags) {
        Mat image = Imgcodecs.imread(file.toString(), flags);
        if (image.empty()) {
            image.release();
            throw new InvalidInputException("cannot decode image " + file + " (expected an 8-bit PNG or JPEG)");
        }
        return image;
    }

    /** Writes through a temporary file so that an interrupted run leaves no truncated PNG. */
    private static void write(Path file, Mat image) throws IOException {
        AtomicFiles.write(file, temp -> {
            // the temporary name keeps the .png ending, which is how OpenCV picks the encoder
            if (!Imgcodecs.imwrite(temp.toString(), image)) {
                throw new IOException("OpenCV could not encode the image");
            }
        });
    }

    private static List<Path> frames(Path dir, String option) {
        String problem = FrameFiles.directoryProblem(dir);
        if (problem != null) {
            throw new InvalidInputException(option + " " + dir + " " + problem + "; give the directory of its PNG/JPEG frames");
        }
        List<Path> frames = FrameFiles.list(dir);
        if (frames.isEmpty()) {
            throw new InvalidInputException("no PNG or JPEG frames in " + option + " " + dir);
        }
        return frames;
    }

    private static String pngName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)) + ".png";
    }

    private static String size(Mat image) {
        return image.cols() + "x" + image.rows();
    }
}
