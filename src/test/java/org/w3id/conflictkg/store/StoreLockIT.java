package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.cli.Main;

/** One process per store: while {@code serve} holds a store, other processes' commands fail fast and say why. */
class StoreLockIT {
    private record Run(int code, String err, long millis) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int code = Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        return new Run(code, err.toString(), (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void ingestBackupCompactAndQueryFailFastWithOneLineWhileServeHoldsTheStore(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        Path report = Files.writeString(dir.resolve("r.txt"), "Shelling of Kherson\n\nKherson was shelled on "
                + "Monday, Oleksandr Prokudin said.\n");
        try (ChildJvm serve = ChildJvm.start("serve", "--store", store.toString(), "--port", "0")) {
            assertNotNull(serve.await(l -> l.contains("Ctrl-C to stop"), Duration.ofSeconds(60)), serve::output);
            String[][] commands = {
                {"ingest", "--store", store.toString(), report.toString()},
                {"backup", "--store", store.toString(), "--out", dir.resolve("b.nq.gz").toString()},
                {"compact", "--store", store.toString()},
                {"query", "--store", store.toString(), "ASK { ?s ?p ?o }"}};
            for (String[] c : commands) {
                Run r = run(c);
                assertEquals(1, r.code(), () -> c[0] + ": " + r.err());
                assertTrue(r.err().startsWith("error: " + store + ": the store is in use by another process"),
                        () -> c[0] + ": " + r.err());
                assertEquals(1, r.err().strip().lines().count(), () -> c[0] + ": " + r.err());
                // Fast: no gazetteer loading or waiting before the lock is tried.
                assertTrue(r.millis() < 10_000, () -> c[0] + " took " + r.millis() + " ms");
            }
            assertTrue(serve.await(l -> l.contains("Exception"), Duration.ofMillis(1)) == null, serve::output);
        }
        assertTrue(Files.notExists(dir.resolve("b.nq.gz")));
    }
}
