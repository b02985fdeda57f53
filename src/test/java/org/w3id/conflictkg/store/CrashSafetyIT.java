package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.cli.Main;
import org.w3id.conflictkg.report.SyntheticReports;

/**
 * Kill -9 in the middle of a large ingest: every report graph is then wholly present or wholly absent, and running
 * the same ingest again gives exactly the store a clean run gives.
 */
class CrashSafetyIT {
    private static final int REPORTS = 120;
    /** Reports per write transaction: small, so that kills land between and during many commits. */
    private static final String BATCH = "3";
    private static final Pattern PROGRESS = Pattern.compile("\\[(\\d+)/(\\d+)\\]");

    @Test
    @Timeout(value = 180)
    void killedIngestLeavesEveryReportWholeOrAbsentAndARerunCompletesTheSet(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports");
        SyntheticReports.write(reports, REPORTS);
        Path store = dir.resolve("store");
        Path clean = dir.resolve("clean");
        // The ontology and gazetteer are loaded before any kill: the reports are what is tested.
        BaseStore.copyTo(store);
        BaseStore.copyTo(clean);
        Path journal = store.resolve("Data-0001").resolve("journal.jrnl");
        Random random = new Random();
        Map<String, Graph> seenAfterKills = new HashMap<>();
        // The clean reference run goes on beside the runs we kill.
        try (ChildJvm reference = ChildJvm.start("ingest", "--store", clean.toString(), reports.toString())) {
            int present = 0;
            for (int round = 1; round <= 3; round++) {
                try (ChildJvm victim = ChildJvm.start("ingest", "--store", store.toString(), "--batch", BATCH,
                        reports.toString())) {
                    // Kill once it has written some reports of its own: in rounds 1 and 3 while it commits one
                    // (its journal is not empty), in round 2 at a random moment.
                    int target = present + 6 + random.nextInt(12);
                    String line = victim.await(l -> progress(l) >= target, Duration.ofSeconds(60));
                    assertNotNull(line, () -> "no progress to [" + target + "/" + REPORTS + "]:\n" + victim.output());
                    if (round == 2) {
                        Thread.sleep(random.nextInt(250));
                    } else {
                        awaitCommit(journal, Duration.ofSeconds(10));
                    }
                    victim.kill();
                }
                long journalBytes = Files.exists(journal) ? Files.size(journal) : -1;
                present = inspectAfterKill(store, round, journalBytes, seenAfterKills);
            }
            assertEquals(0, reference.waitFor(Duration.ofSeconds(90)), reference::output);
        }

        long t0 = System.nanoTime();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"ingest", "--store", store.toString(), reports.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err::toString);
        System.err.printf("CrashSafetyIT: the rerun took %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        try (KgStore done = KgStore.open(store); KgStore ref = KgStore.open(clean)) {
            assertEquals(ref.quadCount(), done.quadCount(), "quads after the rerun differ from a clean run's");
            assertEquals(REPORTS, GraphIntegrity.check(done).reportGraphs());
            String difference = StoreContents.difference(StoreContents.graphs(ref), StoreContents.graphs(done));
            assertNull(difference, () -> "the rerun store differs from a clean run's: " + difference);
            for (Map.Entry<String, Graph> e : seenAfterKills.entrySet()) {
                Graph expected = StoreContents.graph(ref, e.getKey());
                assertTrue(StoreContents.same(expected, e.getValue()), () -> e.getKey() + " after a kill had "
                        + e.getValue().size() + " triples, a clean run " + expected.size());
            }
        }
    }

    /** Waits until TDB2's journal holds a transaction being committed (or the time is up). */
    private static void awaitCommit(Path journal, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(journal) && Files.size(journal) > 0) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    private static int progress(String line) {
        Matcher m = PROGRESS.matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Opens the killed store (TDB2 recovers from its journal), checks it, keeps its report graphs, releases it. */
    private static int inspectAfterKill(Path store, int round, long journalBytes, Map<String, Graph> seen) {
        KgStore s = KgStore.open(store);
        try {
            GraphIntegrity.Result r = GraphIntegrity.check(s);
            assertTrue(r.whole(), () -> "after kill " + round + " (journal " + journalBytes + " bytes): "
                    + r.broken());
            assertTrue(r.reportGraphs() > 0 && r.reportGraphs() < REPORTS,
                    "kill " + round + " should land mid-ingest, found " + r.reportGraphs() + " reports");
            for (String g : s.graphNames()) {
                if (g.startsWith(GraphIntegrity.REPORT_GRAPH_PREFIX)) {
                    seen.put(g, StoreContents.graph(s, g));
                }
            }
            System.err.printf("CrashSafetyIT: kill %d left %d whole report graphs (journal %d bytes at the kill)%n",
                    round, r.reportGraphs(), journalBytes);
            return r.reportGraphs();
        } finally {
            s.close();
            // Release the store in this JVM so the next child process can lock it.
            TDBInternal.expel(s.tdbDatasetGraph());
        }
    }
}
