package dev.rvm.training.data;

import dev.rvm.matting.files.FrameFiles;
import dev.rvm.matting.files.InvalidInputException;
import dev.rvm.training.augment.FrameSampler;
import org.opencv.core.Mat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Background images and videos in upstream's layouts: images are the PNG/JPEG files of a
 * directory (upstream's {@code BackgroundImages/train/}), videos its subdirectories of frames
 * ({@code BackgroundVideos/train/CLIP/FRAME}). One directory may hold both; either may be empty.
 */
public final class Backgrounds {
    private final Path root;
    private final List<Path> images;
    private final List<List<Path>> videos;

    private Backgrounds(Path root, List<Path> images, List<List<Path>> videos) {
        this.root = root;
        this.images = images;
        this.videos = videos;
    }

    public static Backgrounds open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("--backgrounds " + dir + " is not a directory; give a directory of background "
                    + "images and/or of video clips (one subdirectory of frames per clip)");
        }
        List<List<Path>> videos = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path sub : entries.filter(Files::isDirectory).sorted().toList()) {
                List<Path> frames = FrameFiles.list(sub);
                if (!frames.isEmpty()) {
                    videos.add(frames);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<Path> images = FrameFiles.list(dir);
        if (images.isEmpty() && videos.isEmpty()) {
            throw new InvalidInputException("--backgrounds " + dir + " has no PNG/JPEG images and no subdirectories of frames");
        }
        return new Backgrounds(dir, images, videos);
    }

    public Path root() {
        return root;
    }

    public int imageCount() {
        return images.size();
    }

    public int videoCount() {
        return videos.size();
    }

    /**
     * A background sequence of {@code length} frames: with probability 0.5 (when both kinds exist)
     * one still image repeated, else consecutive frames of a random clip chosen by the sampler.
     */
    public List<Mat> sample(int length, FrameSampler sampler, int maxShortSide, Random r) {
        boolean image = videos.isEmpty() || (!images.isEmpty() && r.nextDouble() < 0.5);
        if (image) {
            return Images.repeat(Images.rgb(images.get(r.nextInt(images.size())), maxShortSide), length);
        }
        List<Mat> out = new ArrayList<>(length);
        List<Path> clip = videos.get(r.nextInt(videos.size()));
        int start = r.nextInt(Math.max(1, clip.size() - length));
        for (int offset : sampler.sample(length, r)) {
            out.add(Images.rgb(clip.get((start + offset) % clip.size()), maxShortSide));
        }
        return out;
    }

    /** A fixed choice for held-out evaluation: item {@code index} of images then videos, from frame 0. */
    public List<Mat> fixed(int index, int length, int maxShortSide) {
        int i = index % (images.size() + videos.size());
        if (i < images.size()) {
            return Images.repeat(Images.rgb(images.get(i), maxShortSide), length);
        }
        List<Path> clip = videos.get(i - images.size());
        List<Mat> out = new ArrayList<>(length);
        for (int t = 0; t < length; t++) {
            out.add(Images.rgb(clip.get(t % clip.size()), maxShortSide));
        }
        return out;
    }

    public int size() {
        return images.size() + videos.size();
    }
}
