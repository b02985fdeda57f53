package org.w3id.conflictkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.store.GraphIntegrity;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.StoreContents;

/** backup, restore, compact, check and loadcheck through {@link Main#execute}: their argument checks and failures. */
class OperationsCommandsTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static void assertOneLineError(CliRun r, String text) {
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(text), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void helpListsTheOperationsCommands() {
        CliRun r = run("--help");
        for (String c : new String[] {"backup", "restore", "compact", "check", "loadcheck"}) {
            assertTrue(r.out().contains(c), r.out());
        }
    }

    @Test
    void backupAndCompactOfAFolderWithoutAStoreFailAndCreateNothing(@TempDir Path dir) throws Exception {
        Path nothing = dir.resolve("nothing");
        assertOneLineError(run("backup", "--store", nothing.toString(), "--out", dir.resolve("b.nq.gz").toString()),
                "no store here");
        assertOneLineError(run("compact", "--store", nothing.toString()), "no store here");
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertOneLineError(run("compact", "--store", plain.toString()), "not a TDB2 store");
        assertTrue(Files.notExists(nothing));
        try (var files = Files.list(plain)) {
            assertEquals(0, files.count(), "compact created a store");
        }
    }

    @Test
    void checkListsAReportGraphThatIsNotWholeAndExitsWith1(@TempDir Path dir) {
        Path storeDir = dir.resolve("store");
        Graph g = GraphFactory.createDefaultGraph();
        g.add(NodeFactory.createURI("urn:x:a"), NodeFactory.createURI("urn:x:b"), NodeFactory.createLiteralString("c"));
        try (KgStore s = KgStore.open(storeDir)) {
            s.replaceGraph(GraphIntegrity.REPORT_GRAPH_PREFIX + "half", g, null);
        }
        CliRun r = run("check", "--store", storeDir.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith(GraphIntegrity.REPORT_GRAPH_PREFIX + "half: no content hash"), r.out());
        assertTrue(r.out().contains("1 report graphs, 0 whole, 1 not whole"), r.out());
        assertOneLineError(run("check", "--store", dir.resolve("none").toString()), "no store here");
    }

    @Test
    void backupThenRestoreGivesTheSameStoreAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path storeDir = dir.resolve("store");
        Graph g = GraphFactory.createDefaultGraph();
        for (int i = 0; i < 30; i++) {
            g.add(NodeFactory.createURI("urn:x:s" + i), NodeFactory.createURI("urn:x:p"),
                    NodeFactory.createLiteralString("v" + i));
        }
        try (KgStore s = KgStore.open(storeDir)) {
            s.replaceGraph("urn:x:g", g, "a-hash");
        }
        Path out = dir.resolve("backups").resolve("b.nq.gz");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "an older backup");
        CliRun b = run("backup", "--store", storeDir.toString(), "--out", out.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.err().startsWith("backup of " + storeDir + ": 31 quads"), b.err());
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "only the backup itself, no temporary file");
        }
        Path restored = dir.resolve("restored");
        CliRun r = run("restore", "--store", restored.toString(), "--from", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("restored 31 quads"), r.err());
        try (KgStore a = KgStore.open(storeDir); KgStore c = KgStore.open(restored)) {
            String d = StoreContents.difference(StoreContents.graphs(a), StoreContents.graphs(c));
            assertTrue(d == null, d);
        }
        assertOneLineError(run("restore", "--store", restored.toString(), "--from", out.toString()), "not empty");
    }

    @Test
    void aBackupMustBeNamedGz(@TempDir Path dir) {
        CliRun r = run("backup", "--store", dir.toString(), "--out", dir.resolve("b.nq").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("name it FILE.nq.gz"), r.err());
    }

    @Test
    void restoreOfAMissingFileFails(@TempDir Path dir) {
        assertOneLineError(run("restore", "--store", dir.resolve("s").toString(), "--from",
                dir.resolve("none.nq.gz").toString()), "no such backup file");
    }

    @Test
    void backupNeedsExactlyOneOfStoreAndUrl(@TempDir Path dir) {
        assertEquals(2, run("backup", "--out", dir.resolve("b.nq.gz").toString()).code());
        assertEquals(2, run("backup", "--store", dir.toString(), "--url", "http://127.0.0.1:1/conflict", "--out",
                dir.resolve("b.nq.gz").toString()).code());
    }

    @Test
    void backupFromAServerThatIsNotThereSaysSo(@TempDir Path dir) {
        CliRun r = run("backup", "--url", "http://127.0.0.1:1/conflict", "--out", dir.resolve("b.nq.gz").toString());
        assertOneLineError(r, "cannot reach the server");
        assertTrue(Files.notExists(dir.resolve("b.nq.gz")));
    }

    @Test
    void loadcheckRefusesAnythingButLoopback() {
        CliRun r = run("loadcheck", "--url", "http://192.0.2.10:3030/conflict/sparql", "--seconds", "1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("not a loopback address"), r.err());
        assertEquals(2, run("loadcheck", "--url", "ftp://127.0.0.1/conflict/sparql").code());
    }

    @Test
    void loadcheckBoundsClientsAndTimeAndKeepsIngestToItsOwnStore() {
        String url = "http://127.0.0.1:1/conflict/sparql";
        assertEquals(2, run("loadcheck", "--url", url, "--clients", "0").code());
        assertEquals(2, run("loadcheck", "--url", url, "--clients", "100000").code());
        assertEquals(2, run("loadcheck", "--url", url, "--seconds", "0").code());
        assertEquals(2, run("loadcheck", "--url", url, "--seconds", "86400").code());
        CliRun r = run("loadcheck", "--url", url, "--generate", "10");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("need --store"), r.err());
    }
}
