package dev.rvm.conversion.sequence;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.compositing.OpenCvLoader;
import dev.rvm.matting.files.FrameFiles;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of PNG/JPEG frames in name order, as upstream's ImageSequenceReader. All headers are
 * read up front: an empty directory, a non-image file or a frame of another size is refused before
 * anything is matted (a sequence has one size; split differently sized frames into directories).
 */
public final class ImageSequenceSource implements FrameSource {

    private final Path dir;
    private final List<Path> files;
    private final int width;
    private final int height;
    private ByteBuffer pixels;
    private byte[] bytes;
    private int index;

    private ImageSequenceSource(Path dir, List<Path> files, int width, int height) {
        this.dir = dir;
        this.files = files;
        this.width = width;
        this.height = height;
    }

    public static ImageSequenceSource open(Path dir) throws IOException {
        String problem = FrameFiles.directoryProblem(dir);
        if (problem != null) {
            throw new IllegalArgumentException("input " + dir + " " + problem + "; give a directory of PNG/JPEG frames");
        }
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        List<String> others = all.stream().filter(p -> !FrameFiles.isImage(p) || !Files.isRegularFile(p))
                .map(p -> p.getFileName().toString()).toList();
        if (!others.isEmpty()) {
            throw new IllegalArgumentException("input directory " + dir + " holds " + others.size() + " entries that are not PNG/JPEG frames ("
                    + String.join(", ", others.subList(0, Math.min(3, others.size()))) + (others.size() > 3 ? ", ..." : "")
                    + "); move them out of the frame directory");
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("input directory " + dir + " has no PNG/JPEG frames");
        }
        int[] first = size(all.get(0));
        for (Path p : all) {
            int[] s = size(p);
            if (s[0] != first[0] || s[1] != first[1]) {
                throw new IllegalArgumentException("frames differ in size: " + all.get(0).getFileName() + " is " + first[0] + "x" + first[1]
                        + " but " + p.getFileName() + " is " + s[0] + "x" + s[1] + "; a sequence has one size, so put frames of"
                        + " other sizes in their own directory");
            }
        }
        OpenCvLoader.ensureLoaded();
        return new ImageSequenceSource(dir, all, first[0], first[1]);
    }

    /** Width and height from the header only. */
    private static int[] size(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IllegalArgumentException("frame " + file + " is not a PNG/JPEG image (its content is not a known image format)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[]{reader.getWidth(0), reader.getHeight(0)};
            } catch (IOException e) {
                throw new IllegalArgumentException("frame " + file + " is damaged: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }

    public List<Path> files() {
        return files;
    }

    @Override
    public List<String> frameNames() {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public Frame next() {
        if (index >= files.size()) {
            return null;
        }
        Path file = files.get(index++);
        Mat img = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        try {
            if (img.empty()) {
                throw new IllegalArgumentException("frame " + file + " cannot be decoded; replace or remove it");
            }
            if (img.cols() != width || img.rows() != height) {
                throw new IllegalArgumentException("frame " + file + " is " + img.cols() + "x" + img.rows() + ", the sequence " + width + "x" + height);
            }
            int n = width * height * 3;
            if (bytes == null) {
                bytes = new byte[n];
                pixels = ByteBuffer.allocateDirect(n);
            }
            img.get(0, 0, bytes);
        } finally {
            img.release();
        }
        pixels.clear();
        pixels.put(bytes).flip();
        return new Frame(file.getFileName().toString(), pixels, FrameLayout.packed(width, height, PixelFormat.BGR));
    }

    @Override
    public void close() {
        // decoded Mats are released per frame; nothing else is native
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
