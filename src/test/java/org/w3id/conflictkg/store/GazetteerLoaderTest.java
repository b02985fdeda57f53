package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.ExtraPlaces;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.gazetteer.Place;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.report.ReportReader;

/**
 * Loads {@code gazetteer/UA-extra-sample.txt}, written for this test in GeoNames' dump format: Kharkiv Oblast and
 * Kupiansk as GeoNames has them; Kupiansk Raion, one of its hromadas and three of its villages with made-up ids
 * (above 99000000) and approximate points (Tabaivka and Zahryzove, which the bundled gazetteer lacks, and
 * Kindrashivka, which it has without id or point); and one malformed line.
 */
class GazetteerLoaderTest {
    private static final String PLACE = "https://w3id.org/conflict-kg/id/place/";

    @TempDir
    static Path storeDir;
    private static KgStore store;
    private static GazetteerLoader.Summary summary;

    private static Path sample() throws URISyntaxException {
        return Path.of(GazetteerLoaderTest.class.getResource("/gazetteer/UA-extra-sample.txt").toURI());
    }

    @BeforeAll
    static void load() throws URISyntaxException {
        store = KgStore.inMemory();
        summary = GazetteerLoader.load(store, storeDir, sample());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void newPlacesAreAddedAndKnownOnesKeepTheirEntry() {
        assertEquals(7, summary.read(), summary::toString);
        assertEquals(3, summary.added(), "hromada, Tabaivka, Zahryzove: " + summary);
        assertEquals(1, summary.completed(), "Kindrashivka: " + summary);
        assertEquals(2, summary.known(), "Kharkiv Oblast and Kupiansk: " + summary);
        assertEquals(1, summary.raionsMatched(), "the dump's raion is the bundled Kupiansk Raion: " + summary);
        assertEquals(TestStores.gazetteer().size() + 3, summary.gazetteerSize());
        List<QuerySolution> oblast = TestStores.select(store,
                "SELECT ?l WHERE { <" + PLACE + "706482> rdfs:label ?l }");
        assertEquals(List.of("Kharkiv Oblast"), oblast.stream().map(r -> r.getLiteral("l").getLexicalForm()).toList(),
                "the bundled label wins over the dump's Kharkivska Oblast");
    }

    @Test
    void malformedLinesAreSkippedAndNamedByFileAndLine() {
        assertEquals(1, summary.malformed());
        assertTrue(summary.problems().get(0).endsWith("UA-extra-sample.txt:6: expected 19 tab-separated columns, "
                + "found 3, line skipped"), summary.problems()::toString);
    }

    @Test
    void newVillagesHangUnderTheBundledRaionWithIdAndPoint() {
        List<QuerySolution> rows = TestStores.select(store, """
                SELECT ?wkt ?sameAs WHERE {
                  <%1$s99000211> a ckg:Settlement ; rdfs:label "Tabaivka"@en ; ckg:geonamesId "99000211" ;
                      owl:sameAs ?sameAs ; geo:hasGeometry/geo:asWKT ?wkt ;
                      ckg:partOf/ckg:partOf <%1$sraion-kupiansk-kharkiv> .
                  <%1$sraion-kupiansk-kharkiv> ckg:partOf <%1$s706482> . <%1$s706482> ckg:partOf <%1$s690791> .
                  <%1$s99000212> ckg:partOf <%1$sraion-kupiansk-kharkiv> }""".formatted(PLACE));
        assertEquals(1, rows.size(), "Tabaivka -> hromada -> Kupiansk Raion -> Kharkiv Oblast -> Ukraine");
        assertEquals("POINT(37.90120 49.62340)", rows.get(0).getLiteral("wkt").getLexicalForm());
        assertEquals("https://sws.geonames.org/99000211/", rows.get(0).getResource("sameAs").getURI());
        assertTrue(TestStores.select(store, "SELECT * { <" + PLACE + "99000201> ?p ?o }").isEmpty(),
                "the dump's raion is not added beside the bundled one");
    }

    @Test
    void aHandWrittenVillageGainsItsGeoNamesIdAndPointUnderItsOwnKey() {
        List<QuerySolution> rows = TestStores.select(store, """
                SELECT ?wkt WHERE { <%1$ssettlement-kindrashivka-kharkiv> ckg:geonamesId "99000213" ;
                  owl:sameAs <https://sws.geonames.org/99000213/> ; geo:hasGeometry/geo:asWKT ?wkt }"""
                .formatted(PLACE));
        assertEquals(1, rows.size());
        assertTrue(TestStores.select(store, "SELECT * { <" + PLACE + "99000213> ?p ?o }").isEmpty(),
                "not a second Kindrashivka");
    }

    @Test
    void theExtraPlacesAreKeptInTheStoreFolderForLaterIngests() throws IOException {
        Path extra = storeDir.resolve(ExtraPlaces.FILE_NAME);
        try (Stream<Path> files = Files.list(storeDir)) {
            assertEquals(List.of(extra), files.toList(), "the file, and no temporary file left behind");
        }
        Gazetteer g = Gazetteer.forStore(storeDir);
        assertEquals(TestStores.gazetteer().size() + 3, g.size());
        assertEquals("99000211", g.lookup("Tabaivka").get(0).geonamesId());
        assertEquals("99000213", g.get("settlement-kindrashivka-kharkiv").map(Place::geonamesId).orElseThrow());
    }

    @Test
    void aLaterIngestFindsTheGazetteerGraphCurrent() {
        String hash = store.graphHash(CKG.GAZETTEER_GRAPH);
        Gazetteer g = Gazetteer.forStore(storeDir);
        assertEquals(g.fingerprint(), hash, "ensureBase will not replace it with the bundled places only");
        new Ingester(store, g, new Extractor(g), new ReportReader(), false).ensureBase();
        assertEquals(hash, store.graphHash(CKG.GAZETTEER_GRAPH));
    }

    @Test
    void loadingTheSameDumpAgainChangesNothing() throws Exception {
        String before = Files.readString(storeDir.resolve(ExtraPlaces.FILE_NAME), StandardCharsets.UTF_8);
        long quads = store.quadCount();
        GazetteerLoader.Summary again = GazetteerLoader.load(store, storeDir, sample());
        assertEquals(0, again.added(), again::toString);
        assertEquals(0, again.completed(), again::toString);
        assertEquals(before, Files.readString(storeDir.resolve(ExtraPlaces.FILE_NAME), StandardCharsets.UTF_8));
        assertEquals(quads, store.quadCount());
    }

    @Test
    void aReportNamingAVillageOnlyInTheDumpGetsItWithItsGeoNamesId(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("tabaivka.txt");
        Files.writeString(report, """
                Shelling of Tabaivka kills one
                KYIV, March 5, 2025 — Russian artillery shelled Tabaivka in Kharkiv Oblast overnight, killing one \
                civilian, Governor Oleh Syniehubov said on Wednesday.
                """, StandardCharsets.UTF_8);
        Gazetteer g = Gazetteer.forStore(storeDir);
        Ingester.Summary s = new Ingester(store, g, new Extractor(g), new ReportReader(), false)
                .ingest(List.of(report));
        assertEquals(0, s.failed(), s.errors()::toString);
        List<QuerySolution> rows = TestStores.select(store, """
                SELECT ?event WHERE { GRAPH ?r { ?r ckg:sourceFile "tabaivka.txt" ; ckg:mentions <%1$s99000211> .
                  ?event ckg:place <%1$s99000211> } <%1$s99000211> ckg:geonamesId "99000211" }""".formatted(PLACE));
        assertFalse(rows.isEmpty(), "the shelling is placed at Tabaivka 99000211");
    }

    @Test
    void aMissingDumpFileFailsWithItsNameAndWritesNothing(@TempDir Path dir) {
        try (KgStore empty = KgStore.inMemory()) {
            KgException e = assertThrows(KgException.class,
                    () -> GazetteerLoader.load(empty, dir, dir.resolve("UA.txt")));
            assertTrue(e.getMessage().endsWith("UA.txt: no such file"), e.getMessage());
            assertFalse(Files.exists(dir.resolve(ExtraPlaces.FILE_NAME)));
            assertTrue(empty.graphNames().isEmpty());
        }
    }
}
