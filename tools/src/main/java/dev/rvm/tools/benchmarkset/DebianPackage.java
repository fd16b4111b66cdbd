package dev.rvm.tools.benchmarkset;

import dev.rvm.models.ModelCache;
import dev.rvm.models.Sha;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    public Path file(String entry) {
        return directory().resolve(entry);
    }

    public boolean isCached() {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = file(f.getKey());
                if (!Files.isRegularFile(p) || !Sha.sha256Hex(p).equals(f.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
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
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path got = unpacked.resolve(f.getKey());
                if (!Files.isRegularFile(got)) {
                    throw new IOException("Debian package " + deb.getFileName() + " has no file " + f.getKey());
                }
                String sha = Sha.sha256Hex(got);
                if (!sha.equals(f.getValue())) {
                    throw new IOException("Debian package " + deb.getFileName() + ": " + f.getKey() + " has sha256 "
                            + sha + ", expected " + f.getValue() + "; this package version ships other content");
                }
                Path target = file(f.getKey());
                Files.createDirectories(target.getParent());
                Files.move(got, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
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
