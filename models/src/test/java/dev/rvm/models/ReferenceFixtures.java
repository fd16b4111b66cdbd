package dev.rvm.models;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The reference outputs of the original model in {@code ../shared/fixtures/rvm-reference}:
 * per set, RGB frames and, per ratio, float32 alpha/foreground/state dumps.
 */
public final class ReferenceFixtures {

    private ReferenceFixtures() {
    }

    public static Path root() {
        String shared = System.getProperty("rvm.shared", "../shared");
        Path root = Path.of(shared, "fixtures", "rvm-reference");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("reference fixtures not found at " + root.toAbsolutePath()
                    + " (clone with shared/ beside the repository)");
        }
        return root;
    }

    /** One set and ratio: e.g. cap12 at 0.5 is ("cap12", "ref_r05", 0.5f). */
    public record Case(String set, String refDir, float ratio) {
        @Override
        public String toString() {
            return set + "@" + ratio;
        }

        public Path refPath(String frame, String what) {
            return root().resolve(set).resolve(refDir).resolve(frame + "." + what + ".f32.gz");
        }

        public List<String> frames() {
            try (Stream<Path> s = Files.list(root().resolve(set).resolve("frames"))) {
                return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted()
                        .map(n -> n.substring(0, n.length() - 4)).toList();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public Path framePath(String frame) {
            return root().resolve(set).resolve("frames").resolve(frame + ".png");
        }
    }

    /** Every set and ratio present. */
    public static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> sets = Files.list(root())) {
            for (Path set : sets.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> refs = Files.list(set)) {
                    for (Path ref : refs.filter(p -> p.getFileName().toString().startsWith("ref_r")).sorted().toList()) {
                        String code = ref.getFileName().toString().substring("ref_r".length());
                        float ratio = Float.parseFloat(code.length() == 1 ? code : code.charAt(0) + "." + code.substring(1));
                        out.add(new Case(set.getFileName().toString(), ref.getFileName().toString(), ratio));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A PNG as interleaved RGB bytes, with its size. */
    public record RgbImage(int width, int height, byte[] rgb) {
    }

    public static RgbImage readRgb(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        int w = img.getWidth(), h = img.getHeight();
        byte[] rgb = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int o = (y * w + x) * 3;
                rgb[o] = (byte) (p >> 16);
                rgb[o + 1] = (byte) (p >> 8);
                rgb[o + 2] = (byte) p;
            }
        }
        return new RgbImage(w, h, rgb);
    }

    /** A gzipped little-endian float32 dump. */
    public static float[] readFloats(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            byte[] bytes = in.readAllBytes();
            float[] out = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }
    }
}
