package dev.rvm.tools.cli;

import dev.rvm.models.ReferenceFixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./rvm convert} end to end on the reference fixtures, and its refusals of bad input. */
class ConvertCommandTest {

    @TempDir
    Path tmp;

    static Path fixtures() {
        return ReferenceFixtures.root();
    }

    record Run(int exit, String err) {
    }

    static Run rvm(String... args) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorReporter())
                .setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, err.toString());
    }

    static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void alphaPngsMatchTheReferenceWithinOneLevel() throws IOException {
        Path frames = fixtures().resolve("cap12/frames");
        Path alpha = tmp.resolve("alpha");
        Path comp = tmp.resolve("comp");
        Run run = rvm("convert", "--input", frames.toString(), "--output-alpha", alpha.toString(),
                "--output-composition", comp.toString(), "--downsample-ratio", "0.5", "--seq-chunk", "4", "--threads", "2");
        assertEquals(0, run.exit(), run.err());
        assertEquals(names(frames), names(alpha), "one alpha PNG per input frame, same names, no leftovers");
        assertEquals(names(frames), names(comp));
        long pixels = 0;
        long off = 0;
        for (String name : names(frames)) {
            Raster ours = ImageIO.read(alpha.resolve(name).toFile()).getRaster();
            Raster ref = ImageIO.read(fixtures().resolve("cap12/ref_r05").resolve(name.replace(".png", ".pha.png")).toFile()).getRaster();
            assertEquals(ref.getWidth(), ours.getWidth());
            for (int y = 0; y < ref.getHeight(); y++) {
                for (int x = 0; x < ref.getWidth(); x++) {
                    int d = Math.abs(ours.getSample(x, y, 0) - ref.getSample(x, y, 0));
                    assertTrue(d <= 1, name + " differs by " + d + " levels at " + x + "," + y);
                    pixels++;
                    off += d;
                }
            }
            BufferedImage rgba = ImageIO.read(comp.resolve(name).toFile());
            assertEquals(4, rgba.getColorModel().getNumComponents(), "no background: composition is RGBA");
            assertTrue(rgba.getColorModel().hasAlpha());
        }
        assertTrue(off <= pixels / 1000, off + " of " + pixels + " pixels are one level off; at most 0.1% may be");
    }

    @Test
    void composesOverAColourAndKeepsInputNames() throws IOException {
        Path frames = tmp.resolve("in");
        Files.createDirectories(frames);
        Files.copy(fixtures().resolve("stills/frames/astronaut.png"), frames.resolve("a.png"));
        Path comp = tmp.resolve("comp");
        Run run = rvm("convert", "--input", frames.toString(), "--output-composition", comp.toString(),
                "--output-foreground", tmp.resolve("fgr").toString(), "--background", "#78FF9B");
        assertEquals(0, run.exit(), run.err());
        BufferedImage out = ImageIO.read(comp.resolve("a.png").toFile());
        assertEquals(512, out.getWidth());
        assertTrue(!out.getColorModel().hasAlpha(), "composited over a colour: RGB");
        assertEquals(0x78FF9B, out.getRGB(5, 505) & 0xFFFFFF, "a background corner shows the colour");
        assertEquals(List.of("a.png"), names(tmp.resolve("fgr")));
    }

    Path dirWith(String... files) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        for (String f : files) {
            int size = f.startsWith("big") ? 40 : 20;
            if (f.endsWith(".png")) {
                ImageIO.write(new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR), "png", dir.resolve(f).toFile());
            } else {
                Files.writeString(dir.resolve(f), "not a picture");
            }
        }
        return dir;
    }

    void refused(Path input, String expected, String... extra) throws IOException {
        Path out = tmp.resolve("out");
        String[] args = Stream.concat(Stream.of("convert", "--input", input.toString(), "--output-alpha", out.toString()),
                Stream.of(extra)).toArray(String[]::new);
        Run run = rvm(args);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().startsWith("rvm convert: ") && run.err().contains(expected), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertTrue(names(out).stream().noneMatch(n -> n.endsWith(".png")), "nothing written: " + names(out));
    }

    @Test
    void refusesAnEmptyDirectory() throws IOException {
        refused(dirWith(), "has no PNG/JPEG frames");
    }

    @Test
    void refusesNonImageFilesMixedIn() throws IOException {
        refused(dirWith("0001.png", "notes.txt"), "not PNG/JPEG frames (notes.txt)");
    }

    @Test
    void refusesAFakePng() throws IOException {
        Path dir = dirWith("0001.png");
        Files.writeString(dir.resolve("0002.png"), "text pretending to be a picture");
        refused(dir, "0002.png is not a PNG/JPEG image");
    }

    @Test
    void refusesFramesOfDifferentSizesBeforeWritingAnything() throws IOException {
        refused(dirWith("0001.png", "big0002.png"), "frames differ in size: 0001.png is 20x20 but big0002.png is 40x40");
    }

    @Test
    void refusesAnUnwritableOutput() throws IOException {
        Path input = dirWith("0001.png");
        Path blocker = Files.writeString(tmp.resolve("file"), "x");
        Run run = rvm("convert", "--input", input.toString(), "--output-alpha", blocker.resolve("sub").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("alpha output directory " + blocker.resolve("sub") + ": " + blocker
                + " is a file, not a directory"), run.err());
    }

    @Test
    void aFileWhereTheOutputDirectoryShouldBeIsNamedAsSuch() throws IOException {
        Path input = dirWith("0001.png");
        Path file = Files.writeString(tmp.resolve("alpha.png"), "x");
        Run run = rvm("convert", "--input", input.toString(), "--output-alpha", file.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("alpha output directory " + file + " is a file, not a directory"), run.err());
        assertEquals("x", Files.readString(file), "the file is untouched");
    }

    @Test
    void aMissingInputIsReportedAsMissing() throws IOException {
        Path missing = tmp.resolve("talk.mp4");
        refused(missing, "--input " + missing + " does not exist");
        refused(tmp.resolve("frames"), "--input " + tmp.resolve("frames") + " does not exist");
    }

    @Test
    void aFileThatIsNeitherVideoNorFramesIsNamed() throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "x");
        refused(notes, "--input " + notes + " is a file but not a video convert reads");
        Path picture = dirWith("0001.png").resolve("0001.png");
        refused(picture, "--input " + picture + " is a single picture");
    }

    @Test
    void refusesOutOfRangeNumbersUpFrontNamingTheOptionAndTheRange() throws IOException {
        Path input = dirWith("0001.png");
        Path cache = dev.rvm.models.ModelCache.directory();
        List<String> cachedBefore = names(cache);
        long start = System.nanoTime();
        refused(input, "--seq-chunk must be a whole number in 1..64; got 1000", "--seq-chunk", "1000");
        refused(input, "--seq-chunk must be a whole number in 1..64; got 0", "--seq-chunk", "0");
        refused(input, "--threads must be a whole number in 0..1024; got -1", "--threads", "-1");
        refused(input, "--output-video-mbps must be in (0, 2000], got 0.0", "--output-video-mbps", "0");
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused at once, not after building a model");
        assertEquals(cachedBefore, names(cache), "no sequence model was built or cached");
    }

    @Test
    void aRatioThatLeavesTheNetworkTooFewPixelsIsRefusedWithTheSmallestThatWorks() throws IOException {
        Path input = dirWith("0001.png"); // 20x20
        refused(input, "--downsample-ratio: downsample ratio 0.14 leaves the network 2x2 pixels of a 20x20 frame; "
                + "it needs at least 3x3: give a ratio of at least 0.15 for frames this size", "--downsample-ratio", "0.14");
        Path thin = Files.createDirectories(tmp.resolve("thin"));
        ImageIO.write(new BufferedImage(1600, 4, BufferedImage.TYPE_3BYTE_BGR), "png", thin.resolve("0001.png").toFile());
        refused(thin, "downsample ratio 0.32 (auto) leaves the network 512x1 pixels of a 1600x4 frame; it needs at least 3x3: "
                + "give a ratio of at least 0.75");

        Run run = rvm("convert", "--input", input.toString(), "--output-alpha", tmp.resolve("out").toString(),
                "--downsample-ratio", "0.15");
        assertEquals(0, run.exit(), "the ratio the message names works on the real model: " + run.err());
    }

    @Test
    void refusesFramesWhoseOutputNamesCollide() throws IOException {
        Path input = dirWith("a.png", "b.png");
        Files.copy(input.resolve("a.png"), input.resolve("a.jpg"));
        refused(input, "frames a.jpg and a.png would both be written as a.png");
    }

    @Test
    void refusesAnOutputAnotherRunIsWriting() throws IOException {
        Path input = dirWith("0001.png");
        Path out = tmp.resolve("out");
        try (var other = dev.rvm.conversion.output.OutputClaim.claim(List.of(out))) {
            refused(input, "output " + out + " is being written by another conversion (process "
                    + ProcessHandle.current().pid());
        }
        Run run = rvm("convert", "--input", input.toString(), "--output-alpha", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("0001.png"), names(out));
    }

    @Test
    void removesWhatAnInterruptedRunLeftInItsOutputs() throws IOException {
        Path input = dirWith("0001.png");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path halfWritten = Files.writeString(out.resolve(dev.rvm.models.AtomicFiles.TEMP_PREFIX + "3c1d-0001.png"), "half");
        Run run = rvm("convert", "--input", input.toString(), "--output-alpha", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("0001.png"), names(out), "the half-written frame is gone");
        assertTrue(Files.notExists(halfWritten));
        assertTrue(names(tmp).stream().noneMatch(n -> n.startsWith(".rvm-")), "no lock or staging left: " + names(tmp));
    }

    @Test
    void refusesRatiosOutsideZeroToOne() throws IOException {
        Path input = dirWith("0001.png");
        refused(input, "--downsample-ratio must be in (0, 1] or auto; got 0", "--downsample-ratio", "0");
        refused(input, "--downsample-ratio must be in (0, 1] or auto; got 1.5", "--downsample-ratio", "1.5");
        refused(input, "--downsample-ratio must be in (0, 1] or auto; got -0.25", "--downsample-ratio", "-0.25");
    }

    @Test
    void refusesAModelFileThatIsNotOnnx() throws IOException {
        Path input = dirWith("0001.png");
        Path model = Files.writeString(tmp.resolve("model.onnx"), "nope");
        refused(input, "model.onnx", "--model", model.toString());
    }
}
