package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GeoSPARQL over data/reports: the saved distance and raion queries, and geof: functions through QueryRunner. */
class SpatialQueriesTest {
    private static final Path WITHIN_KM = Path.of("queries/claims-within-km-of-a-place.rq");
    private static KgStore store;

    @BeforeAll
    static void build() {
        store = TestStores.withBundledReports();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<QuerySolution> run(String sparql) {
        Query q = QueryRunner.parse(sparql, "test");
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
                List<QuerySolution> rows = new java.util.ArrayList<>();
                org.apache.jena.query.ResultSetFactory.copyResults(qe.execSelect()).forEachRemaining(rows::add);
                return rows;
            }
        });
    }

    private static String file(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static boolean fromReport(List<QuerySolution> rows, String sourceFile) {
        return rows.stream().anyMatch(r -> r.contains("sourceFile")
                && r.getLiteral("sourceFile").getLexicalForm().equals(sourceFile));
    }

    @Test
    void claimsWithin50KmOfKupianskIncludeTheClearingAndLeaveOutVovchansk() throws IOException {
        List<QuerySolution> rows = run(file(WITHIN_KM));
        assertTrue(rows.stream().anyMatch(r -> r.getLiteral("placeLabel").getLexicalForm().equals("Kupiansk")
                && r.getLiteral("claimantLabel").getLexicalForm().equals("Nazar Voloshyn")
                && r.getLiteral("sourceFile").getLexicalForm().equals("00-kupiansk-cleared.txt")), rows::toString);
        assertFalse(fromReport(rows, "04-vovchansk-assaults-repelled.txt"), "Vovchansk is 81 km away");
        assertFalse(fromReport(rows, "02-nikopol-night-shelling.txt"));
        assertTrue(rows.stream().allMatch(r -> r.getLiteral("distanceKm").getDouble() <= 50), rows::toString);
    }

    @Test
    void a100KmRadiusReachesVovchansk() throws IOException {
        String wider = file(WITHIN_KM).replace("(\"Kupiansk\" 50)", "(\"Kupiansk\" 100)");
        List<QuerySolution> rows = run(wider);
        assertTrue(rows.stream().anyMatch(r -> r.getLiteral("placeLabel").getLexicalForm().equals("Vovchansk")
                && Math.abs(r.getLiteral("distanceKm").getDouble() - 80.6) < 0.5), rows::toString);
        assertFalse(fromReport(rows, "02-nikopol-night-shelling.txt"), "Nikopol is over 300 km away");
    }

    @Test
    void eventsInKupianskRaionComeFromTheKupianskReportsOnly() throws IOException {
        List<QuerySolution> rows = run(file(Path.of("queries/events-in-a-raion.rq")));
        assertTrue(fromReport(rows, "00-kupiansk-cleared.txt"), rows::toString);
        assertTrue(fromReport(rows, "07-kupyansk-guided-bombs.txt"), rows::toString);
        assertTrue(rows.stream().allMatch(r -> r.getLiteral("sourceFile").getLexicalForm().matches("0[07]-.*")),
                rows::toString);
        assertTrue(rows.stream().anyMatch(r -> r.getLiteral("placeLabel").getLexicalForm().equals("Kindrashivka")),
                "a village of the raion without coordinates is still found through ckg:partOf");
    }

    @Test
    void theQueryCommandEvaluatesGeofSfWithin() {
        // A box around Kupiansk and the Oskil; Vovchansk and Nikopol lie outside.
        String q = """
                PREFIX geo:  <http://www.opengis.net/ont/geosparql#>
                PREFIX geof: <http://www.opengis.net/def/function/geosparql/>
                PREFIX ckg:  <https://w3id.org/conflict-kg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT DISTINCT ?label WHERE {
                  GRAPH ?r { ?event ckg:place ?place }
                  ?place rdfs:label ?label ; geo:hasGeometry/geo:asWKT ?wkt .
                  FILTER (geof:sfWithin(?wkt,
                      "POLYGON((37.3 49.5, 37.9 49.5, 37.9 49.9, 37.3 49.9, 37.3 49.5))"^^geo:wktLiteral))
                } ORDER BY ?label""";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryRunner.run(store, QueryRunner.parse(q, "test"), QueryRunner.Format.CSV, out, 10_000);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.contains("Kupiansk"), csv);
        assertFalse(csv.contains("Vovchansk") || csv.contains("Nikopol"), csv);
    }
}
