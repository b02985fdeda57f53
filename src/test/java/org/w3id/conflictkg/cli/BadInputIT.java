package org.w3id.conflictkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.report.ReportReader;
import org.w3id.conflictkg.store.BaseStore;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.TestStores;

/**
 * The bad-input matrix end to end through {@link Main#execute}: every bad file gets one line naming it and the
 * reason, the good files still go in, the exit code is 1, and the store is unchanged for the failed files.
 */
class BadInputIT {
    private static final String SEED = "data/reports/00-kupiansk-cleared";

    @TempDir
    static Path dir;
    private static Path store;

    private record Run(int code, String err) {
    }

    /** Runs the command line, capturing its error writer and System.err, where the ingest log goes. */
    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        PrintStream saved = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        } finally {
            System.setErr(saved);
        }
        String all = log.toString(StandardCharsets.UTF_8) + err;
        saved.print(all);
        return new Run(code, all);
    }

    /** A store holding the seed report and a report that later gets a bad sidecar. */
    @BeforeAll
    static void createStore() throws IOException {
        store = BaseStore.copyTo(dir.resolve("store"));
        Path first = Files.createDirectories(dir.resolve("first"));
        Files.copy(Path.of(SEED + ".txt"), first.resolve("good.txt"));
        Files.copy(Path.of(SEED + ".meta.json"), first.resolve("good.meta.json"));
        Files.writeString(first.resolve("typed.txt"), "Shelling of Kherson\n\nKHERSON, May 6, 2025 — Russian forces "
                + "shelled Kherson overnight, injuring four people, Oleksandr Prokudin, head of the Kherson regional "
                + "military administration, said on Tuesday.\n");
        Run r = run("ingest", "--store", store.toString(), first.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void everyBadFileGetsOneLineNamingItAndTheReasonAndTheGoodOnesStillGoIn() throws IOException {
        Path in = Files.createDirectories(dir.resolve("matrix"));
        Files.copy(Path.of(SEED + ".txt"), in.resolve("good.txt"));
        Files.copy(Path.of(SEED + ".meta.json"), in.resolve("good.meta.json"));
        Files.writeString(in.resolve("typed.txt"), Files.readString(dir.resolve("first/typed.txt")));
        Files.writeString(in.resolve("typed.meta.json"), "{\"url\": 42, \"published\": \"2025-05-06\"}");
        Files.writeString(in.resolve("nothing.txt"), "Minutes\n\nThe committee met. Lorem ipsum dolor sit amet, "
                + "consectetur adipiscing elit; no place, person, force or event is named here.\n");
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.write(in.resolve("picture.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0,
            0, 13, 'I', 'H', 'D', 'R'});
        writeZip(in.resolve("archive.txt"));
        Files.write(in.resolve("latin1.txt"), "Kyiv caf\u00e9 shelled\n".getBytes(StandardCharsets.ISO_8859_1));
        writeLargeText(in.resolve("huge.txt"), 50L * 1024 * 1024);
        Files.writeString(in.resolve("broken.txt"), "Drone strike on Odesa\n\nA drone hit Odesa, Oleh Kiper said.\n");
        Files.writeString(in.resolve("broken.meta.json"), "{\"url\": \"https://example.org/x\", ");
        Path missing = dir.resolve("no-such-report.txt");

        Map<String, Graph> before = reportGraphs();
        List<String> filesBefore = sourceFiles();
        Run r = run("ingest", "--store", store.toString(), in.toString(), missing.toString());

        assertEquals(1, r.code(), r.err());
        Map<String, String> expected = new TreeMap<>(Map.of(
                "empty.txt", "empty report", "picture.txt", "not a text file (PNG image)",
                "archive.txt", "not a text file (zip archive)", "latin1.txt", "not valid UTF-8",
                "huge.txt", "too large (52428800 bytes", "broken.meta.json", "malformed sidecar JSON",
                "typed.meta.json", "\"url\" must be a string", "no-such-report.txt", "no such file"));
        List<String> errorLines = r.err().lines().filter(l -> l.contains("ERROR") || l.startsWith("error")).toList();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            List<String> lines = errorLines.stream().filter(l -> l.contains(e.getKey())).toList();
            assertEquals(1, lines.size(), () -> e.getKey() + ": expected one error line in\n" + r.err());
            assertTrue(lines.get(0).contains(e.getValue()), () -> e.getKey() + ": no '" + e.getValue() + "' in "
                    + lines.get(0));
        }
        assertEquals(expected.size(), errorLines.size(), r.err());
        List<String> lines = r.err().lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).contains("Ingester") || lines.get(i).startsWith("error")) {
                String next = lines.get(i + 1);
                assertFalse(next.startsWith("\tat ") || next.startsWith("Caused by"),
                        () -> "a stack trace in " + r.err());
            }
        }
        assertTrue(r.err().contains("1 report(s), 1 unchanged, 8 failed"), r.err());

        Map<String, Graph> after = reportGraphs();
        assertEquals(before.size() + 1, after.size(), "only nothing.txt is new");
        for (Map.Entry<String, Graph> e : before.entrySet()) {
            assertTrue(e.getValue().isIsomorphicWith(after.get(e.getKey())), e.getKey() + " changed");
        }
        List<String> filesAfter = new ArrayList<>(sourceFiles());
        filesAfter.removeAll(filesBefore);
        assertEquals(List.of("nothing.txt"), filesAfter);
    }

    /** A report in which nothing is recognised is still a report: ingested, with no claims, and not an error. */
    @Test
    void aReportWithNoRecognisableContentIsIngestedWithNoClaims() throws IOException {
        Path in = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(in.resolve("plain.txt"), "Weather\n\nIt rained all afternoon and the wind was cold.\n");
        Run r = run("ingest", "--store", store.toString(), in.toString());
        assertEquals(0, r.code(), r.err());
        try (KgStore s = KgStore.open(store)) {
            List<QuerySolution> rows = TestStores.select(s, "SELECT ?r (COUNT(?c) AS ?claims) WHERE { GRAPH ?r { ?r "
                    + "ckg:sourceFile \"plain.txt\" OPTIONAL { ?c ckg:statedIn ?r } } } GROUP BY ?r");
            assertEquals(1, rows.size());
            assertEquals(0, rows.get(0).getLiteral("claims").getInt());
        }
    }

    @Test
    void strictStopsAtTheFirstBadFileAndWritesNothingAfterIt() throws IOException {
        Path in = Files.createDirectories(dir.resolve("strict"));
        Files.write(in.resolve("a-empty.txt"), new byte[0]);
        Files.writeString(in.resolve("b-good.txt"), "Drones over Sumy\n\nSUMY, June 2, 2025 — Russian drones struck "
                + "Sumy overnight, injuring two people, Volodymyr Artiukh, head of the Sumy regional military "
                + "administration, said.\n");
        int graphs = reportGraphs().size();
        Run r = run("ingest", "--strict", "--store", store.toString(), in.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("a-empty.txt: empty report"), r.err());
        assertEquals(graphs, reportGraphs().size(), "b-good.txt came after the failure and must not be ingested");
    }

    @Test
    void aFiftyMegabyteFileIsRejectedBySizeWithoutBeingRead() throws IOException {
        Path huge = dir.resolve("fifty-mb.txt");
        writeLargeText(huge, 50L * 1024 * 1024);
        long t0 = System.nanoTime();
        KgException e = assertThrows(KgException.class, () -> new ReportReader().read(huge));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        // Reading and decoding 50 MB takes far longer than checking its size.
        assertTrue(ms < 1_000, "took " + ms + " ms");
        Files.delete(huge);
    }

    @Test
    void anUnreadableFileAndFolderAreReportedAndTheRestStillGoesIn() throws IOException {
        Path in = Files.createDirectories(dir.resolve("locked"));
        Path file = in.resolve("secret.txt");
        Files.writeString(file, "Shelling of Nikopol\n\nNikopol was shelled, Serhiy Lysak said.\n");
        Path folder = Files.createDirectories(in.resolve("sealed"));
        Files.writeString(folder.resolve("inside.txt"), "Shelling of Marhanets\n\nMarhanets was shelled.\n");
        Files.writeString(in.resolve("open.txt"), "Shelling of Orikhiv\n\nORIKHIV, July 1, 2025 — Russian forces "
                + "shelled Orikhiv, injuring three people, Ivan Fedorov said.\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            // CI runs as root, and chmod does not stop root from reading: there is nothing to test then.
            assumeFalse(Files.isReadable(file), "running as root: chmod 000 does not make a file unreadable");
            Run r = run("ingest", "--store", store.toString(), in.toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().lines().anyMatch(l -> l.contains("secret.txt") && l.contains("not readable")), r.err());
            assertTrue(r.err().lines().anyMatch(l -> l.contains("sealed") && l.contains("not readable")), r.err());
            assertTrue(sourceFiles().contains("open.txt"));
            assertFalse(sourceFiles().contains("secret.txt"));
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void writeZip(Path file) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry("report.txt"));
            z.write("Kupiansk was cleared, the spokesperson said.\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
    }

    /** Plausible text of the given size, written in a stream (never held in memory). */
    static void writeLargeText(Path file, long bytes) throws IOException {
        String line = "Russian forces shelled Kherson overnight, the head of the regional administration said.\n";
        try (OutputStream o = Files.newOutputStream(file);
             BufferedWriter w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16)) {
            long written = 0;
            while (written + line.length() <= bytes) {
                w.write(line);
                written += line.length();
            }
            w.write("x".repeat((int) (bytes - written)));
        }
    }

    /** The report graphs of the store, copied out, by name. */
    private static Map<String, Graph> reportGraphs() {
        try (KgStore s = KgStore.open(store)) {
            return Txn.calculateRead(s.dataset(), () -> {
                Map<String, Graph> out = new TreeMap<>();
                for (String name : s.graphNames()) {
                    if (!name.contains("/id/report/")) {
                        continue;
                    }
                    Graph g = GraphFactory.createDefaultGraph();
                    var it = s.datasetGraph().find(NodeFactory.createURI(name), Node.ANY, Node.ANY,
                            Node.ANY);
                    try {
                        it.forEachRemaining(q -> g.add(q.asTriple()));
                    } finally {
                        Iter.close(it);
                    }
                    out.put(name, g);
                }
                return out;
            });
        }
    }

    private static List<String> sourceFiles() {
        try (KgStore s = KgStore.open(store)) {
            return TestStores.select(s, "SELECT ?f WHERE { GRAPH ?r { ?r ckg:sourceFile ?f } } ORDER BY ?f").stream()
                    .map(row -> row.getLiteral("f").getLexicalForm()).toList();
        }
    }
}
