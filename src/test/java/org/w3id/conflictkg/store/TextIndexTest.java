package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code text:query} over report titles, quotes and labels, kept in step with ingest, rebuilt, and on disk. */
class TextIndexTest {
    private static final String TITLE = "Sappers clear minefields near Kupiansk, governor says";
    private static final String BODY = """
            KUPIANSK, March 3, 2025 — Russian forces shelled Kupiansk in Kharkiv Oblast with artillery overnight, \
            damaging a bakery and a grain elevator, Oleh Syniehubov, head of the Kharkiv regional military \
            administration, said on Monday.
            """;
    private static final String META = """
            {"url": "https://example.org/conflictkg-test/bakery", "published": "2025-03-03", "source": "test"}
            """;

    @TempDir
    static Path reports;
    private static KgStore store;

    @BeforeAll
    static void ingest() throws IOException {
        writeReport(reports, BODY);
        store = KgStore.inMemory();
        ingest(store, reports);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static void writeReport(Path dir, String body) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bakery.txt"), TITLE + "\n\n" + body);
        Files.writeString(dir.resolve("bakery.meta.json"), META);
    }

    private static void ingest(KgStore s, Path dir) {
        Ingester.Summary sum = TestStores.ingester(s).ingest(List.of(dir));
        assertEquals(0, sum.failed(), sum.errors()::toString);
    }

    /** The subjects {@code text:query} finds for a word in the field of one predicate. */
    private static Set<String> hits(KgStore s, String predicate, String words) {
        List<QuerySolution> rows = TestStores.select(s, """
                PREFIX text: <http://jena.apache.org/text#>
                PREFIX dct: <http://purl.org/dc/terms/>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?s WHERE { (?s ?score) text:query (%s "%s") }""".formatted(predicate, words));
        Set<String> out = new TreeSet<>();
        rows.forEach(r -> out.add(r.getResource("s").getURI()));
        return out;
    }

    @Test
    void aClaimIsFoundByAWordOfItsQuoteWithItsSpeakerAndReport() {
        List<QuerySolution> rows = TestStores.select(store, """
                PREFIX text: <http://jena.apache.org/text#>
                SELECT ?claim ?quote ?speaker ?report ?score WHERE {
                  (?claim ?score) text:query (ckg:quote "bakery") .
                  ?claim a ckg:Claim ; ckg:quote ?quote ; ckg:claimant/rdfs:label ?speaker ; ckg:statedIn ?report .
                }""");
        assertEquals(1, rows.size(), rows::toString);
        QuerySolution r = rows.get(0);
        assertTrue(r.getLiteral("quote").getLexicalForm().contains("damaging a bakery"), r::toString);
        assertEquals("Oleh Syniehubov", r.getLiteral("speaker").getLexicalForm());
        assertTrue(r.getLiteral("score").getFloat() > 0, r::toString);
        // Case and inflection as the standard analyzer treats them: whole words, any case.
        assertEquals(hits(store, "ckg:quote", "bakery"), hits(store, "ckg:quote", "BAKERY"));
    }

    @Test
    void aReportIsFoundByItsTitleAndAPlaceByAnotherSpellingOfItsName() {
        Set<String> found = hits(store, "dct:title", "minefields");
        assertEquals(1, found.size(), found::toString);
        String report = found.iterator().next();
        assertEquals(1, TestStores.select(store, "SELECT ?t WHERE { GRAPH <%s> { <%s> a ckg:Report ; "
                .formatted(report, report) + "<http://purl.org/dc/terms/title> \"" + TITLE + "\" } }").size());
        assertTrue(hits(store, "rdfs:label", "Kupyansk").contains("https://w3id.org/conflict-kg/id/place/703656"));
        assertTrue(hits(store, "skos:altLabel", "Kupyansk").contains("https://w3id.org/conflict-kg/id/place/703656"),
                "rdfs:label and skos:altLabel share one field");
        assertTrue(hits(store, "ckg:quote", "minefields").isEmpty(), "a title is not a quote");
    }

    @Test
    void aReingestedReportNoLongerMatchesItsOldWords(@TempDir Path dir) throws IOException {
        try (KgStore s = KgStore.inMemory()) {
            writeReport(dir, BODY);
            ingest(s, dir);
            // The claim and the event it asserts both carry the sentence as their quote.
            Set<String> before = hits(s, "ckg:quote", "bakery");
            assertEquals(2, before.size(), before::toString);
            writeReport(dir, BODY.replace("bakery", "pharmacy"));
            ingest(s, dir);
            assertEquals(Set.of(), hits(s, "ckg:quote", "bakery"), "the replaced report's quote is still found");
            assertEquals(before, hits(s, "ckg:quote", "pharmacy"));
            assertEquals(1, hits(s, "dct:title", "minefields").size(), "one title, not the old and the new");
        }
    }

    @Test
    void aRebuildFindsWhatIndexingOnTheWayFound() {
        List<String[]> queries = List.of(new String[] {"ckg:quote", "bakery"}, new String[] {"ckg:quote", "shelled"},
                new String[] {"dct:title", "sappers"}, new String[] {"rdfs:label", "Kupyansk"},
                new String[] {"rdfs:label", "Syniehubov"}, new String[] {"rdfs:label", "oblast"});
        List<Set<String>> before = queries.stream().map(q -> hits(store, q[0], q[1])).toList();
        assertTrue(before.stream().noneMatch(Set::isEmpty), before::toString);
        long docs = store.rebuildTextIndex();
        assertTrue(docs > 1000, "the gazetteer's labels alone are thousands: " + docs);
        assertEquals(before, queries.stream().map(q -> hits(store, q[0], q[1])).toList());
    }

    @Test
    void theIndexOnDiskOutlivesTheProcessAndIsBuiltForAStoreThatHadNone(@TempDir Path dir) throws IOException {
        Path folder = BaseStore.copyTo(dir.resolve("store"));
        Set<String> found;
        try (KgStore s = KgStore.open(folder)) {
            ingest(s, reports);
            found = hits(s, "ckg:quote", "bakery");
        }
        assertEquals(hits(store, "ckg:quote", "bakery"), found);
        assertTrue(Files.isDirectory(folder.resolve(TextIndex.FOLDER)));
        try (KgStore s = KgStore.open(folder)) {
            assertEquals(found, hits(s, "ckg:quote", "bakery"));
        }
        // A store from before full-text search: no text/ folder. Opening it builds the index.
        deleteTree(folder.resolve(TextIndex.FOLDER));
        try (KgStore s = KgStore.open(folder)) {
            assertEquals(found, hits(s, "ckg:quote", "bakery"));
            assertFalse(hits(s, "rdfs:label", "Kupyansk").isEmpty());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
