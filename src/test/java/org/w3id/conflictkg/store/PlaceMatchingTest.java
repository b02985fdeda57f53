package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Place names in reports resolve to the bundled gazetteer's places: spelling variants to one IRI, same-named
 * villages by the oblast the report names; Kupiansk carries its administrative chain and point.
 */
class PlaceMatchingTest {
    private static final String PLACE = "https://w3id.org/conflict-kg/id/place/";
    /** Small reports written for this test, by file name. */
    private static final Map<String, String> REPORTS = Map.of(
            "kupyansk.txt", """
                    Shelling in Kupyansk injures two
                    KYIV, March 3, 2025 — Russian artillery shelled Kupyansk overnight, injuring two people, \
                    Governor Oleh Syniehubov said.
                    """,
            "kupjansk.txt", """
                    Drone strike on Kupjansk
                    KYIV, March 4, 2025 — Russian drones struck Kupjansk on Tuesday, damaging a school, \
                    Governor Oleh Syniehubov said.
                    """,
            "kupiansk-apostrophe.txt", """
                    Guided bomb hits Kup'iansk
                    KYIV, March 5, 2025 — A Russian guided bomb hit the centre of Kup'iansk on Wednesday, killing \
                    one person, Governor Oleh Syniehubov said.
                    """,
            "borova-kharkiv.txt", """
                    Shelling of Borova
                    KYIV, March 6, 2025 — Russian artillery shelled Borova in Kharkiv Oblast on Thursday, injuring \
                    three people, Governor Oleh Syniehubov said.
                    """,
            "avdiivka-chernihiv.txt", """
                    Border village shelled
                    KYIV, March 7, 2025 — Russian artillery shelled Avdiivka in Chernihiv Oblast near the border \
                    on Friday, damaging five houses, the regional military administration said.
                    """);

    @TempDir
    static Path dir;
    private static KgStore store;

    @BeforeAll
    static void ingest() throws IOException {
        for (Map.Entry<String, String> r : REPORTS.entrySet()) {
            Files.writeString(dir.resolve(r.getKey()), r.getValue(), StandardCharsets.UTF_8);
        }
        store = KgStore.inMemory();
        Ingester.Summary s = TestStores.ingester(store).ingest(List.of(dir));
        assertEquals(0, s.failed(), s.errors()::toString);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** The places a report mentions that carry this English label. */
    private static Set<String> mentioned(String file, String label) {
        List<QuerySolution> rows = TestStores.select(store, """
                SELECT ?place WHERE { GRAPH ?r { ?r ckg:sourceFile "%s" ; ckg:mentions ?place }
                  ?place rdfs:label "%s"@en }""".formatted(file, label));
        return rows.stream().map(r -> r.getResource("place").getURI()).collect(Collectors.toSet());
    }

    @Test
    void threeSpellingsOfKupianskLandOnOnePlace() {
        for (String file : List.of("kupyansk.txt", "kupjansk.txt", "kupiansk-apostrophe.txt")) {
            assertEquals(Set.of(PLACE + "703656"), mentioned(file, "Kupiansk"), file);
        }
        List<QuerySolution> events = TestStores.select(store, """
                SELECT DISTINCT ?place WHERE { GRAPH ?r { ?r ckg:sourceFile ?f . ?e ckg:place ?place }
                  FILTER (?f IN ("kupyansk.txt", "kupjansk.txt", "kupiansk-apostrophe.txt")) }""");
        assertEquals(List.of(PLACE + "703656"), events.stream().map(r -> r.getResource("place").getURI()).toList(),
                "every event of the three reports is placed at Kupiansk");
    }

    @Test
    void theOblastNamedPicksTheSmallerOfTwoSameNamedVillages() {
        // Borova of Fastiv Raion (Kyiv Oblast, 7,241 people) would win on size; the report says Kharkiv Oblast.
        assertEquals(Set.of(PLACE + "711623"), mentioned("borova-kharkiv.txt", "Borova"));
        // Avdiivka of Donetsk Oblast (35,826) would win on size; the report says Chernihiv Oblast.
        assertEquals(Set.of(PLACE + "713120"), mentioned("avdiivka-chernihiv.txt", "Avdiivka"));
    }

    @Test
    void kupianskLiesInItsRaionInKharkivOblastInUkraineAndHasAPoint() {
        List<QuerySolution> rows = TestStores.select(store, """
                SELECT ?raion ?oblast ?country ?wkt WHERE {
                  <%s703656> ckg:partOf ?raion ; geo:hasGeometry ?g .
                  ?g a geo:Geometry ; geo:asWKT ?wkt .
                  ?raion a ckg:Raion ; rdfs:label "Kupiansk Raion"@en ; ckg:partOf ?oblast .
                  ?oblast a ckg:Oblast ; rdfs:label "Kharkiv Oblast"@en ; ckg:geonamesId "706482" ;
                      ckg:partOf ?country .
                  ?country a ckg:Country ; rdfs:label "Ukraine"@en ; ckg:geonamesId "690791" .
                  FILTER NOT EXISTS { ?country ckg:partOf ?any } }""".formatted(PLACE));
        assertEquals(1, rows.size(), rows::toString);
        assertEquals(PLACE + "raion-kupiansk-kharkiv", rows.get(0).getResource("raion").getURI());
        assertEquals("POINT(37.61581 49.71003)", rows.get(0).getLiteral("wkt").getLexicalForm());
        assertEquals("http://www.opengis.net/ont/geosparql#wktLiteral", rows.get(0).getLiteral("wkt").getDatatypeURI());
        assertTrue(TestStores.select(store, "SELECT * { <" + PLACE + "703656> owl:sameAs "
                + "<https://sws.geonames.org/703656/> }").size() == 1);
    }
}
