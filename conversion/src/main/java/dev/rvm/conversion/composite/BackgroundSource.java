package dev.rvm.conversion.composite;

import dev.rvm.matting.files.FrameFiles;
import dev.rvm.matting.files.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Background frames for compositing: one still image for every frame, or an image sequence (a
 * directory, sorted by name) used frame by frame and looped when shorter than the clip. Video
 * files are refused with a way out: the OpenCV build we ship has no video decoder.
 */
public final class BackgroundSource {
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "avi", "mkv", "webm", "m4v", "mpg", "mpeg", "wmv");

    private final List<Path> frames;

    private BackgroundSource(List<Path> frames) {
        this.frames = frames;
    }

    public static BackgroundSource open(Path background) {
        if (Files.isDirectory(background)) {
            List<Path> frames = FrameFiles.list(background);
            if (frames.isEmpty()) {
                throw new InvalidInputException("no background images (PNG/JPEG) in directory " + background);
            }
            return new BackgroundSource(frames);
        }
        if (!Files.isRegularFile(background)) {
            throw new InvalidInputException("background " + background + " does not exist");
        }
        if (VIDEO_EXTENSIONS.contains(extension(background))) {
            throw new InvalidInputException("video backgrounds are not supported (" + background
                    + "): this OpenCV build has no video decoder; extract the frames first, e.g. "
                    + "ffmpeg -i " + background.getFileName() + " bg/%05d.png, and pass --background bg/");
        }
        if (!FrameFiles.isImage(background)) {
            throw new InvalidInputException("background " + background + " is not a PNG or JPEG image or a directory of them");
        }
        return new BackgroundSource(List.of(background));
    }

    public int length() {
        return frames.size();
    }

    /** The background for clip frame {@code index} as 8-bit BGR; the caller owns (releases) it. */
    public Mat frame(int index) {
        Path file = frames.get(index % frames.size());
        Mat image = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        if (image.empty()) {
            image.release();
            throw new InvalidInputException("cannot decode background image " + file);
        }
        return image;
    }


    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
