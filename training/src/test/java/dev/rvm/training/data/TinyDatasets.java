package dev.rvm.training.data;

import dev.rvm.matting.compositing.OpenCvLoader;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes tiny datasets in upstream's layouts for the tests: a "person" (a soft-edged ellipse with a
 * head, moving a little from frame to frame) over textured backgrounds.
 */
public final class TinyDatasets {
    private TinyDatasets() {
    }

    /** Alpha of the figure at frame t: 8-bit, w x h. */
    public static Mat alpha(int w, int h, int t) {
        OpenCvLoader.ensureLoaded();
        Mat a = Mat.zeros(h, w, CvType.CV_8UC1);
        Point body = new Point(w * 0.5 + t, h * 0.7);
        Imgproc.ellipse(a, body, new Size(w * 0.22, h * 0.3), 0, 0, 360, new Scalar(255), -1);
        Imgproc.circle(a, new Point(w * 0.5 + t, h * 0.3), (int) (h * 0.13), new Scalar(255), -1);
        Imgproc.GaussianBlur(a, a, new Size(5, 5), 1.5);
        return a;
    }

    /** A colourful foreground texture, w x h, BGR 8-bit. */
    public static Mat foreground(int w, int h, int t, long seed) {
        Mat f = new Mat(h, w, CvType.CV_8UC3);
        byte[] px = new byte[w * h * 3];
        Random r = new Random(seed);
        int base = r.nextInt(100);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                px[i] = (byte) (base + 60 + (x * 3 + t) % 80);
                px[i + 1] = (byte) (120 + (y * 2) % 60);
                px[i + 2] = (byte) (200 - (x + y) % 50);
            }
        }
        f.put(0, 0, px);
        return f;
    }

    public static Mat background(int w, int h, long seed) {
        Mat b = new Mat(h, w, CvType.CV_8UC3);
        byte[] px = new byte[w * h * 3];
        Random r = new Random(seed);
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (r.nextInt(60) + (i / 3 % w) * 2);
        }
        b.put(0, 0, px);
        Imgproc.GaussianBlur(b, b, new Size(3, 3), 1);
        return b;
    }

    static void write(Path file, Mat m) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Imgcodecs.imwrite(file.toString(), m)) {
            throw new IOException("cannot write " + file);
        }
        m.release();
    }

    /** VideoMatte240K layout: ROOT/fgr/CLIP/NNNN.png + ROOT/pha/CLIP/NNNN.png. */
    public static Path videoMatte(Path root, int clips, int frames, int w, int h) throws IOException {
        OpenCvLoader.ensureLoaded();
        for (int c = 0; c < clips; c++) {
            for (int t = 0; t < frames; t++) {
                String name = String.format("%04d.png", t);
                write(root.resolve("fgr").resolve("clip" + c).resolve(name), foreground(w, h, t, c));
                write(root.resolve("pha").resolve("clip" + c).resolve(name), alpha(w, h, t + c));
            }
        }
        return root;
    }

    /** ImageMatte layout: ROOT/fgr/NAME.png + ROOT/pha/NAME.png. */
    public static Path imageMatte(Path root, int images, int w, int h) throws IOException {
        OpenCvLoader.ensureLoaded();
        for (int i = 0; i < images; i++) {
            write(root.resolve("fgr").resolve("person" + i + ".png"), foreground(w, h, i, 10 + i));
            write(root.resolve("pha").resolve("person" + i + ".png"), alpha(w, h, i));
        }
        return root;
    }

    /** Background images in DIR and one video clip as DIR/clipN/NNNN.png. */
    public static Path backgrounds(Path dir, int images, int videoFrames, int w, int h) throws IOException {
        OpenCvLoader.ensureLoaded();
        for (int i = 0; i < images; i++) {
            write(dir.resolve("bg" + i + ".jpg"), background(w, h, 100 + i));
        }
        for (int t = 0; t < videoFrames; t++) {
            write(dir.resolve("clip0").resolve(String.format("%04d.jpg", t)), background(w, h, 200 + t));
        }
        return dir;
    }

    /** COCO layout: ROOT/annotations/instances_tiny.json + ROOT/tiny/*.jpg; one image with a polygon person, one with an RLE person. */
    public static Path coco(Path root, int w, int h) throws IOException {
        OpenCvLoader.ensureLoaded();
        write(root.resolve("tiny").resolve("a.jpg"), background(w, h, 1));
        write(root.resolve("tiny").resolve("b.jpg"), background(w, h, 2));
        write(root.resolve("tiny").resolve("c.jpg"), background(w, h, 3));
        // image b: a person given as uncompressed RLE (column-major runs): columns 2..3 fully set
        StringBuilder counts = new StringBuilder();
        counts.append(2 * h).append(',').append(2 * h).append(',').append(w * h - 4 * h);
        String json = "{\"info\":{},\"images\":["
                + "{\"id\":1,\"file_name\":\"a.jpg\",\"width\":" + w + ",\"height\":" + h + "},"
                + "{\"id\":2,\"file_name\":\"b.jpg\",\"width\":" + w + ",\"height\":" + h + "},"
                + "{\"id\":3,\"file_name\":\"c.jpg\",\"width\":" + w + ",\"height\":" + h + "}],"
                + "\"annotations\":["
                + "{\"id\":10,\"image_id\":1,\"category_id\":1,\"iscrowd\":0,\"segmentation\":[[4,4,20,4,20,30,4,30]]},"
                + "{\"id\":11,\"image_id\":2,\"category_id\":1,\"iscrowd\":1,\"segmentation\":{\"counts\":[" + counts
                + "],\"size\":[" + h + "," + w + "]}},"
                + "{\"id\":12,\"image_id\":3,\"category_id\":18,\"iscrowd\":0,\"segmentation\":[[1,1,9,1,9,9]]}],"
                + "\"categories\":[{\"id\":1,\"name\":\"person\"},{\"id\":18,\"name\":\"dog\"}]}";
        Files.createDirectories(root.resolve("annotations"));
        Files.writeString(root.resolve("annotations").resolve("instances_tiny.json"), json, StandardCharsets.UTF_8);
        return root;
    }

    /** YouTubeVIS layout: ROOT/instances.json + ROOT/JPEGImages/VIDEO/NNNNN.jpg; one video of 4 frames with a person. */
    public static Path youTubeVis(Path root, int w, int h) throws IOException {
        OpenCvLoader.ensureLoaded();
        StringBuilder files = new StringBuilder();
        StringBuilder segs = new StringBuilder();
        for (int t = 0; t < 4; t++) {
            String name = String.format("vid1/%05d.jpg", t);
            write(root.resolve("JPEGImages").resolve(name), background(w, h, 300 + t));
            files.append(t == 0 ? "" : ",").append('"').append(name).append('"');
            // frame t: the first (t + 1) columns are the person; frame 3 has no mask (null)
            segs.append(t == 0 ? "" : ",");
            if (t == 3) {
                segs.append("null");
            } else {
                segs.append("{\"counts\":[0,").append((t + 1) * h).append(',').append(w * h - (t + 1) * h)
                        .append("],\"size\":[").append(h).append(',').append(w).append("]}");
            }
        }
        String json = "{\"videos\":[{\"id\":1,\"width\":" + w + ",\"height\":" + h + ",\"length\":4,\"file_names\":[" + files + "]},"
                + "{\"id\":2,\"width\":" + w + ",\"height\":" + h + ",\"length\":1,\"file_names\":[\"vid1/00000.jpg\"]}],"
                + "\"annotations\":[{\"id\":1,\"video_id\":1,\"category_id\":26,\"segmentations\":[" + segs + "]},"
                + "{\"id\":2,\"video_id\":2,\"category_id\":3,\"segmentations\":[null]}],"
                + "\"categories\":[{\"id\":26,\"name\":\"person\"},{\"id\":3,\"name\":\"car\"}]}";
        Files.writeString(root.resolve("instances.json"), json, StandardCharsets.UTF_8);
        return root;
    }

    /** Supervisely layout (upstream's preprocessed form): ROOT/img/*.png + ROOT/seg/*.png. */
    public static Path supervisely(Path root, int images, int w, int h) throws IOException {
        OpenCvLoader.ensureLoaded();
        for (int i = 0; i < images; i++) {
            write(root.resolve("img").resolve("p" + i + ".png"), background(w, h, 400 + i));
            write(root.resolve("seg").resolve("p" + i + ".png"), alpha(w, h, i));
        }
        return root;
    }
}
