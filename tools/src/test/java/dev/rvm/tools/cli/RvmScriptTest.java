package dev.rvm.tools.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code ./rvm} script on a machine that lacks a prerequisite (gcc): help installs and builds nothing,
 * a real command still sets up what is missing first. apt-get, mvn and npm are stand-ins that record
 * being called, so nothing is installed here.
 */
class RvmScriptTest {
    private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).getParent().resolve("rvm");
    private static final Set<String> RECORDED = Set.of("apt-get", "mvn", "npm");
    private static final String MISSING = "gcc";

    @TempDir
    Path dir;
    private Path bin;
    private Path calls;

    /** A PATH with every command of this machine except gcc, and recording stand-ins for the installers. */
    @BeforeEach
    void pathWithoutGcc() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls.log");
        for (String d : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
            try (Stream<Path> s = Files.list(Path.of(d))) {
                for (Path tool : s.toList()) {
                    String name = tool.getFileName().toString();
                    if (name.equals(MISSING) || name.startsWith(MISSING + "-") || RECORDED.contains(name)
                            || Files.exists(bin.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    Files.createSymbolicLink(bin.resolve(name), tool);
                }
            }
        }
        for (String name : RECORDED) {
            Path stub = bin.resolve(name);
            // "apt-get update" succeeds so that the install itself is asked for (and fails)
            Files.writeString(stub, "#!/bin/sh\necho \"" + name + " $*\" >> '" + calls + "'\n[ \"$1\" = update ] && exit 0\nexit 1\n");
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private record Result(int exit, String out, String err, String calls) {
    }

    private Result rvm(String... args) throws Exception {
        return run(SCRIPT, args);
    }

    private Result run(Path script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script ends");
        return new Result(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")),
                Files.exists(calls) ? Files.readString(calls) : "");
    }

    @ParameterizedTest(name = "./rvm {0}")
    @ValueSource(strings = {"--help", "help convert", "launch -h", "test --help", ""})
    void helpInstallsAndBuildsNothing(String args) throws Exception {
        Result r = rvm(args.isEmpty() ? new String[0] : args.split(" "));
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.calls(), "no apt-get, mvn or npm for help");
        assertTrue(!r.err().contains("installing") && !r.err().contains("missing"), r.err());
        assertTrue(r.out().contains("Usage:"), r.out());
        if (args.contains("convert")) {
            assertTrue(r.out().contains("--input-source"), "the command's own options: " + r.out());
        }
    }

    @Test
    void helpOnAFreshCloneSaysHowToSetUp() throws Exception {
        Path fresh = Files.createDirectories(dir.resolve("clone"));
        Path script = Files.copy(SCRIPT, fresh.resolve("rvm"));
        Result r = run(script, "convert", "--help");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.calls(), "nothing installed or built");
        assertTrue(r.out().contains("convert ") && r.out().contains("./rvm setup"), r.out());
        assertTrue(Files.notExists(fresh.resolve("tools")), "no build started");
    }

    @Test
    void aRealCommandStillSetsUpWhatIsMissing() throws Exception {
        Result r = rvm("model", "info");
        assertTrue(r.exit() != 0, "gcc is missing and could not be installed");
        boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
        if (root) {
            assertTrue(r.calls().contains("apt-get install -y --no-install-recommends " + MISSING), "apt-get asked for gcc: " + r.calls());
            assertTrue(r.err().contains("installing") && r.err().contains("failed; run: apt-get update"), r.err());
        } else {
            assertTrue(r.err().contains("missing " + MISSING) && r.err().contains("sudo"), r.err());
        }
    }
}
