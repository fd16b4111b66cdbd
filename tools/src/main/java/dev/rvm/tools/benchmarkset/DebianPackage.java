package dev.rvm.tools.benchmarkset;

import dev.rvm.models.ModelCache;
import dev.rvm.models.PinnedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Debian package from which we take a few files (public-domain sample images). It is fetched
 * with {@code apt-get download} and unpacked with {@code dpkg-deb}; only the wanted files are kept,
 * each checked against its sha256, and the .deb is deleted. The package version is not pinned
 * (Debian replaces old versions), the file contents are.
 *
 * @param files path inside the package (e.g. {@code usr/lib/...}) -> expected sha256 (hex)
 */
public record DebianPackage(String name, Map<String, String> files) {

    public Path directory() {
        return ModelCache.directory().resolve("debian+" + name);
    }

    private PinnedFiles pinned() {
        return new PinnedFiles(directory(), files);
    }

    public Path file(String entry) {
        return pinned().file(entry);
    }

    public boolean isCached() {
        return pinned().areCached();
    }

    /** Makes sure every wanted file is in the cache; downloads at most once. */
    public void fetch() throws IOException {
        if (isCached()) {
            return;
        }
        Path dir = Files.createDirectories(directory());
        Path work = Files.createTempDirectory(dir, ".fetch");
        try {
            run(work, "apt-get", "download", name);
            Path deb;
            try (var listing = Files.list(work)) {
                deb = listing.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> new IOException("apt-get download " + name + " produced no .deb file"));
            }
            Path unpacked = work.resolve("root");
            run(work, "dpkg-deb", "-x", deb.toString(), unpacked.toString());
            pinned().install(unpacked::resolve, "Debian package " + deb.getFileName());
        } finally {
            WorkDirectories.delete(work);
        }
    }

    private void run(Path workDir, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(command[0] + " is needed to get the Debian package " + name
                    + " but could not be started (" + e.getMessage() + "); this needs a Debian or Ubuntu system", e);
        }
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while getting the Debian package " + name);
        }
        if (p.exitValue() != 0) {
            List<String> lines = output.lines().filter(l -> l.startsWith("E:") || l.startsWith("dpkg-deb")).toList();
            String reason = lines.isEmpty() ? output.strip().lines().reduce((a, b) -> b).orElse("no output") : lines.get(0);
            throw new IOException(String.join(" ", command) + " failed: " + reason
                    + (command[0].equals("apt-get") ? "; run apt-get update first if the package is not found" : ""));
        }
    }
}
