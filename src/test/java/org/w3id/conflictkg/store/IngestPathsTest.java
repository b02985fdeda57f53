package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.report.SyntheticReports;

/**
 * The ways reports reach the store give the same store: one extraction thread or several, batched transactions or
 * the bulk loader; a later file with the same report IRI replaces an earlier one on every path; a store left by a
 * killed bulk load is emptied and loads again.
 */
class IngestPathsTest {
    private static final int REPORTS = 60;

    private static Map<String, Graph> ingest(Path storeDir, Path reports, Ingester.Mode mode, int threads) {
        BaseStore.copyTo(storeDir);
        try (KgStore store = KgStore.open(storeDir)) {
            Ingester ingester = TestStores.ingester(store).threads(threads).mode(mode);
            Ingester.Summary s = ingester.ingest(List.of(reports));
            assertEquals(0, s.failed(), () -> s.errors().toString());
            assertEquals(mode == Ingester.Mode.BULK, ingester.lastWrite().bulk());
            return StoreContents.graphs(store);
        }
    }

    /** What {@code text:query} finds for a few words in each field: subject and graph of every hit, sorted. */
    private static List<String> textHits(Path storeDir) {
        try (KgStore store = KgStore.open(storeDir)) {
            List<String> hits = new java.util.ArrayList<>();
            for (String field : List.of("ckg:quote", "dct:title", "rdfs:label")) {
                for (String word : List.of("Izium", "Kupiansk", "shelled", "Kharkiv")) {
                    TestStores.select(store, """
                            PREFIX text: <http://jena.apache.org/text#>
                            PREFIX dct: <http://purl.org/dc/terms/>
                            SELECT ?s ?g WHERE { (?s ?score ?lit ?g) text:query (%s "%s") }""".formatted(field, word))
                            .forEach(r -> hits.add(field + " " + word + " " + r.get("s") + " " + r.get("g")));
                }
            }
            java.util.Collections.sort(hits);
            return hits;
        }
    }

    @Test
    void parallelBatchedAndBulkIngestGiveTheSameStoreAsOneThread(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports");
        SyntheticReports.write(reports, REPORTS);
        // Two files naming the same report (one URL): the later file's text stands, whatever the path.
        String sidecar = "{\"url\": \"https://example.org/same-report\", \"published\": \"2024-06-01\"}\n";
        Files.writeString(reports.resolve("zz-first.txt"), "Kupiansk cleared, governor says\n\nOleh Syniehubov, "
                + "head of the Kharkiv regional military administration, said Russian troops shelled Kupiansk.\n");
        Files.writeString(reports.resolve("zz-first.meta.json"), sidecar);
        Files.writeString(reports.resolve("zz-second.txt"), "Izium shelled, governor says\n\nOleh Syniehubov, "
                + "head of the Kharkiv regional military administration, said Russian troops shelled Izium.\n");
        Files.writeString(reports.resolve("zz-second.meta.json"), sidecar);

        Map<String, Graph> one = ingest(dir.resolve("one"), reports, Ingester.Mode.INCREMENTAL, 1);
        Map<String, Graph> parallel = ingest(dir.resolve("parallel"), reports, Ingester.Mode.INCREMENTAL, 3);
        Map<String, Graph> bulk = ingest(dir.resolve("bulk"), reports, Ingester.Mode.BULK, 2);

        assertEquals(REPORTS + 1 + 2, one.size(), "reports, one shared IRI, ontology and gazetteer");
        String d1 = StoreContents.difference(one, parallel);
        assertNull(d1, () -> "three threads differ from one: " + d1);
        String d2 = StoreContents.difference(one, bulk);
        assertNull(d2, () -> "the bulk loader differs from transactions: " + d2);
        List<Graph> sameUrl = one.values().stream().filter(g -> mentions(g, "example.org/same-report"))
                .toList();
        assertEquals(1, sameUrl.size(), "two files with one URL make one report graph");
        Graph same = sameUrl.get(0);
        assertTrue(mentions(same, "Izium"), "the later file replaces the earlier");
        assertFalse(mentions(same, "Kupiansk"), "nothing of the earlier file is left");

        // The bulk loader writes past the text index, which is written alongside it: the same words find the same
        // quotes, titles and labels (the gazetteer's and the reports'), and none of the replaced file's.
        List<String> oneText = textHits(dir.resolve("one"));
        assertTrue(oneText.stream().anyMatch(h -> h.startsWith("ckg:quote Izium")), () -> oneText.toString());
        assertTrue(oneText.stream().anyMatch(h -> h.startsWith("rdfs:label Kupiansk")), () -> oneText.toString());
        assertEquals(oneText, textHits(dir.resolve("bulk")));
        assertEquals(oneText, textHits(dir.resolve("parallel")));
    }

    private static boolean mentions(Graph g, String text) {
        return g.find().toList().stream().anyMatch(t -> t.toString().contains(text));
    }

    @Test
    void bulkPathIsTakenOnlyForAStoreWithoutReports(@TempDir Path dir) {
        Path reports = dir.resolve("reports");
        SyntheticReports.write(reports, 5);
        Path storeDir = BaseStore.copyTo(dir.resolve("store"));
        try (KgStore store = KgStore.open(storeDir)) {
            assertTrue(store.holdsOnlyBase());
            Ingester first = TestStores.ingester(store).mode(Ingester.Mode.BULK);
            first.ingest(List.of(reports));
            assertTrue(first.lastWrite().bulk());
            assertFalse(store.holdsOnlyBase());
            Ingester second = TestStores.ingester(store).mode(Ingester.Mode.BULK);
            Ingester.Summary s = second.ingest(List.of(reports));
            assertFalse(second.lastWrite().bulk(), "a store with reports is never bulk-loaded");
            assertEquals(5, s.unchanged());
        }
        assertFalse(Files.exists(storeDir.resolve(BulkLoad.MARKER)), "the marker goes when the load finishes");
    }

    @Test
    void aStoreLeftByAKilledBulkLoadIsEmptiedAndLoadsAgain(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports");
        SyntheticReports.write(reports, 4);
        Path storeDir = BaseStore.copyTo(dir.resolve("store"));
        try (KgStore store = KgStore.open(storeDir)) {
            TestStores.ingester(store).mode(Ingester.Mode.BULK).ingest(List.of(reports));
        }
        // As a kill during the load would leave it: the marker is still there.
        Files.writeString(storeDir.resolve(BulkLoad.MARKER), "interrupted\n");
        try (KgStore store = KgStore.open(storeDir)) {
            assertEquals(0, store.graphNames().size(), "the half-written store was emptied");
            Ingester.Summary s = TestStores.ingester(store).ingest(List.of(reports));
            assertEquals(4, s.written());
            assertEquals(4 + 2, store.graphNames().size());
        }
        assertFalse(Files.exists(storeDir.resolve(BulkLoad.MARKER)));
    }

    @Test
    void progressLinesGiveCountRateAndEta() {
        assertEquals("59s", Progress.duration(59));
        assertEquals("1m15s", Progress.duration(75));
        assertEquals("1h02m", Progress.duration(3725));
    }
}
