package org.w3id.conflictkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.cli.Main;
import org.w3id.conflictkg.report.SyntheticReports;
import org.w3id.conflictkg.store.BaseStore;
import org.w3id.conflictkg.store.GraphIntegrity;
import org.w3id.conflictkg.store.Ingester;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.StoreContents;
import org.w3id.conflictkg.store.StoreMaintenance;
import org.w3id.conflictkg.store.TestStores;

/**
 * A served store while an ingest writes into it in the same process: queries see every report either whole or not
 * at all, a backup taken meanwhile holds only whole reports, and after the ingest a backup and a compaction keep
 * exactly the store's quads while the server goes on answering.
 */
class LiveStoreIT {
    private static final int REPORTS = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Triples per report graph, in one query, so in one snapshot of the store. */
    private static final String PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a "
            + "<https://w3id.org/conflict-kg/ontology#Report> . ?s ?p ?o } } GROUP BY ?g";

    @Test
    @Timeout(240)
    void queriesSeeReportsWholeOrAbsentWhileAnIngestRunsAndBackupAndCompactionKeepTheQuads(@TempDir Path dir)
            throws Exception {
        Path reports = dir.resolve("reports");
        SyntheticReports.write(reports, REPORTS);
        Path storeDir = BaseStore.copyTo(dir.resolve("store"));
        KgStore store = KgStore.open(storeDir);
        KgServer server = null;
        try {
            // One report per transaction: extraction is fast enough that the 40 reports would otherwise be written
            // in one batch, and readers would see none of them until the ingest ended.
            Ingester ingester = TestStores.ingester(store).batch(1);
            ingester.ensureBase();
            server = KgServer.start(store, new KgServer.Settings("127.0.0.1", 0, 30_000, null, null));
            String sparql = server.sparqlUrl();

            Map<String, Set<Long>> seen = new ConcurrentHashMap<>();
            AtomicInteger queries = new AtomicInteger();
            AtomicReference<String> failure = new AtomicReference<>();
            AtomicReference<Ingester.Summary> summary = new AtomicReference<>();
            Thread writer = new Thread(() -> summary.set(ingester.ingest(List.of(reports))), "ingest");
            writer.start();
            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                boolean perGraph = i == 1;
                Thread t = new Thread(() -> {
                    while (writer.isAlive() && failure.get() == null) {
                        try {
                            if (perGraph && !seen.isEmpty()) {
                                List<String> names = new ArrayList<>(seen.keySet());
                                String g = names.get(ThreadLocalRandom.current().nextInt(names.size()));
                                long n = count(sparql, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + g
                                        + "> { ?s ?p ?o } }");
                                seen.get(g).add(n);
                            } else {
                                countsPerGraph(sparql).forEach((g, n) -> seen.computeIfAbsent(g,
                                        k -> ConcurrentHashMap.newKeySet()).add(n));
                            }
                            queries.incrementAndGet();
                        } catch (Exception | AssertionError e) {
                            failure.compareAndSet(null, e.toString());
                        }
                    }
                }, "reader-" + i);
                readers.add(t);
                t.start();
            }

            // A backup while the ingest goes on: the snapshot holds whole reports only.
            while (writer.isAlive() && seen.size() < REPORTS / 3) {
                Thread.sleep(50);
            }
            Path mid = dir.resolve("mid.nq.gz");
            assertEquals(0, run("backup", "--store", storeDir.toString(), "--out", mid.toString()));
            DatasetGraph midCopy = load(mid);
            GraphIntegrity.Result midCheck = GraphIntegrity.check(midCopy);
            assertTrue(midCheck.whole(), () -> "a live backup holds partial reports: " + midCheck.broken());

            writer.join();
            for (Thread t : readers) {
                t.join();
            }
            assertNull(failure.get());
            assertEquals(REPORTS, summary.get().written(), summary.get().errors()::toString);

            Map<String, Long> last = countsPerGraph(sparql);
            assertEquals(REPORTS, last.size());
            int observedDuringIngest = 0;
            for (Map.Entry<String, Set<Long>> e : seen.entrySet()) {
                assertEquals(Set.of(last.get(e.getKey())), e.getValue(), () -> e.getKey() + " was seen with "
                        + e.getValue() + " triples; whole, it has " + last.get(e.getKey()));
                observedDuringIngest++;
            }
            assertTrue(queries.get() >= 5 && observedDuringIngest >= REPORTS / 3,
                    queries.get() + " queries saw " + observedDuringIngest + " reports during the ingest");
            assertTrue(midCheck.reportGraphs() >= REPORTS / 3 && midCheck.reportGraphs() <= REPORTS,
                    "the live backup holds " + midCheck.reportGraphs() + " reports");

            assertEquals(0, run("check", "--store", storeDir.toString()));

            // After the ingest: backups from the store and through the server hold exactly the store.
            Map<String, Graph> now = StoreContents.graphs(store);
            Path fromStore = dir.resolve("store.nq.gz");
            assertEquals(0, run("backup", "--store", storeDir.toString(), "--out", fromStore.toString()));
            String d1 = StoreContents.difference(now, StoreContents.graphs(load(fromStore)));
            assertNull(d1, () -> "backup --store: " + d1);
            Path fromServer = dir.resolve("server.nq.gz");
            String dataset = sparql.substring(0, sparql.lastIndexOf('/'));
            assertEquals(0, run("backup", "--url", dataset, "--out", fromServer.toString()));
            String d2 = StoreContents.difference(now, StoreContents.graphs(load(fromServer)));
            assertNull(d2, () -> "backup --url: " + d2);

            // Compaction while serving: the same quads, no more space, and the server still answers.
            long before = StoreMaintenance.size(storeDir);
            assertEquals(0, run("compact", "--store", storeDir.toString()));
            assertTrue(StoreMaintenance.size(storeDir) <= before, "compaction grew the store");
            String d3 = StoreContents.difference(now, StoreContents.graphs(store));
            assertNull(d3, () -> "compaction changed the store: " + d3);
            assertEquals(last, countsPerGraph(sparql));
        } finally {
            if (server != null) {
                server.stop();
            }
            store.close();
        }
    }

    private static int run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        System.err.print(err);
        return code;
    }

    private static DatasetGraph load(Path nquadsGz) {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        RDFDataMgr.read(dsg, nquadsGz.toString());
        return dsg;
    }

    private static JsonArray select(String endpoint, String query) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint + "?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/sparql-results+json").GET().build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray();
    }

    private static Map<String, Long> countsPerGraph(String endpoint) throws Exception {
        Map<String, Long> out = new HashMap<>();
        select(endpoint, PER_GRAPH).forEach(v -> {
            JsonObject row = v.getAsObject();
            out.put(value(row, "g"), Long.parseLong(value(row, "n")));
        });
        return out;
    }

    private static long count(String endpoint, String query) throws Exception {
        JsonArray rows = select(endpoint, query);
        return Long.parseLong(value(rows.get(0).getAsObject(), "n"));
    }

    private static String value(JsonObject row, String var) {
        return row.get(var).getAsObject().get("value").getAsString().value();
    }
}
