package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed report, ingested into an in-memory store, reads back as the contract says. */
class IngesterTest {
    private static KgStore store;

    @BeforeAll
    static void ingestSeed() {
        store = KgStore.inMemory();
        Ingester.Summary s = TestStores.ingester(store).ingest(List.of(Path.of("data/reports/00-kupiansk-cleared.txt")));
        assertEquals(0, s.failed(), () -> "seed failed: " + s.errors());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<QuerySolution> q(String sparql) {
        return TestStores.select(store, sparql);
    }

    @Test
    void seedMentionsKupianskWithGeoNamesIdInsideKharkivOblast() {
        List<QuerySolution> rows = q("""
                SELECT ?oblast WHERE { GRAPH ?r { ?r ckg:sourceFile "00-kupiansk-cleared.txt" ; ckg:mentions ?k }
                  ?k ckg:geonamesId "703656" ; rdfs:label "Kupiansk"@en ; owl:sameAs <https://sws.geonames.org/703656/> ;
                     ckg:partOf+ ?oblast ; geo:hasGeometry/geo:asWKT ?wkt .
                  ?oblast a ckg:Oblast ; rdfs:label "Kharkiv Oblast"@en }""");
        assertEquals(1, rows.size());
    }

    @Test
    void seedMentionsTheOskilRiverAndBelgorodOblast() {
        List<QuerySolution> rows = q("""
                SELECT ?l WHERE { GRAPH ?r { ?r ckg:mentions ?p } ?p a ?c ; rdfs:label ?l .
                  VALUES ?c { ckg:River ckg:Oblast } }""");
        List<String> labels = rows.stream().map(r -> r.getLiteral("l").getLexicalForm()).toList();
        assertTrue(labels.contains("Belgorod Oblast"), labels::toString);
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("Oskil")), labels::toString);
    }

    @Test
    void seedNamesTheSpokespersonAndTheGovernorWithTheirRoles() {
        List<QuerySolution> rows = q("""
                SELECT ?name ?role WHERE { GRAPH ?r { ?p ckg:role ?role } ?p a ckg:Person ; rdfs:label ?name }
                ORDER BY ?name""");
        assertEquals(2, rows.size(), rows::toString);
        assertEquals("Nazar Voloshyn", rows.get(0).getLiteral("name").getLexicalForm());
        assertEquals("spokesperson", rows.get(0).getLiteral("role").getLexicalForm());
        assertEquals("Oleh Syniehubov", rows.get(1).getLiteral("name").getLexicalForm());
        assertEquals("governor", rows.get(1).getLiteral("role").getLexicalForm());
    }

    @Test
    void seedHasBothSidesForces() {
        List<QuerySolution> rows = q("""
                SELECT ?label ?side WHERE { GRAPH ?r { ?r ckg:mentions ?f } ?f a ckg:ArmedForce ; rdfs:label ?label ;
                  ckg:side ?side }""");
        assertTrue(rows.stream().anyMatch(r -> r.getLiteral("label").getLexicalForm().contains("Khortytsia")
                && r.getResource("side").getLocalName().equals("Ukraine")), rows::toString);
        assertTrue(rows.stream().anyMatch(r -> r.getResource("side").getLocalName().equals("Russia")), rows::toString);
    }

    @Test
    void voloshynClaimsKupianskWasClearedOnTheReportDay() {
        List<QuerySolution> rows = q("""
                SELECT ?quote WHERE { GRAPH ?r { ?c a ckg:Claim ; ckg:claimant ?who ; ckg:statedIn ?r ; ckg:asserts ?e ;
                    ckg:quote ?quote . ?e a ?t ; ckg:place ?k ; ckg:date "2024-11-26"^^xsd:date }
                  ?t rdfs:subClassOf* ckg:ControlChange . ?who rdfs:label "Nazar Voloshyn"@en .
                  ?k ckg:geonamesId "703656" }""");
        assertEquals(1, rows.size(), rows::toString);
    }

    @Test
    void advanceSinceEarlySeptemberAndRepelledInfiltrationAreRecorded() {
        assertEquals(1, q("""
                SELECT ?e WHERE { GRAPH ?r { ?e a ckg:Advance ; ckg:startDate "2024-09"^^xsd:gYearMonth } }""").size());
        assertEquals(1, q("""
                SELECT ?e WHERE { GRAPH ?r { ?e a ckg:InfiltrationAttempt ; ckg:repelled true ;
                  ckg:date "2024-11"^^xsd:gYearMonth } }""").size());
    }

    @Test
    void occupationAndAutumn2022LiberationAreBackgroundEvents() {
        List<QuerySolution> rows = q("""
                SELECT ?t ?d WHERE { GRAPH ?r { ?e a ?t ; ckg:date ?d FILTER(STR(?d) = "2022") } }""");
        assertFalse(rows.isEmpty(), "an event dated 2022");
        assertTrue(rows.stream().allMatch(r -> List.of("Occupation", "Liberation").contains(
                r.getResource("t").getLocalName())), rows::toString);
    }

    @Test
    void governorClaimsAbout22000CiviliansEvacuatedAsTypedNumber() {
        List<QuerySolution> rows = q("""
                SELECT ?n ?qual ?start ?end WHERE { GRAPH ?r { ?c ckg:claimant ?who ; ckg:asserts ?e .
                  ?e a ckg:Evacuation ; ckg:evacuated ?n ; ckg:quantity [ ckg:qualifier ?qual ] ;
                     ckg:startDate ?start ; ckg:endDate ?end }
                  ?who rdfs:label "Oleh Syniehubov"@en }""");
        assertEquals(1, rows.size(), rows::toString);
        assertEquals(22000, rows.get(0).getLiteral("n").getInt());
        assertEquals("http://www.w3.org/2001/XMLSchema#integer", rows.get(0).getLiteral("n").getDatatypeURI());
        assertEquals("nearly", rows.get(0).getLiteral("qual").getLexicalForm());
        assertEquals("2024-05-26", rows.get(0).getLiteral("start").getLexicalForm());
        assertEquals("2024-11-26", rows.get(0).getLiteral("end").getLexicalForm());
    }

    @Test
    void ontologyIsLoadedIntoItsNamedGraph() {
        assertTrue(store.graphNames().contains("https://w3id.org/conflict-kg/ontology"));
    }

    @Test
    void ingestingTwiceLeavesStoreUnchanged(@TempDir Path dir) throws IOException {
        Path reports = dir.resolve("reports");
        Files.createDirectories(reports);
        Files.copy(Path.of("data/reports/00-kupiansk-cleared.txt"), reports.resolve("seed.txt"));
        Files.copy(Path.of("data/reports/00-kupiansk-cleared.meta.json"), reports.resolve("seed.meta.json"));
        try (KgStore s = KgStore.open(dir.resolve("store"))) {
            TestStores.ingester(s).ingest(List.of(reports));
            DatasetGraph first = copy(s);
            Ingester.Summary again = TestStores.ingester(s).ingest(List.of(reports));
            assertEquals(0, again.written());
            assertEquals(1, again.unchanged());
            assertTrue(IsoMatcher.isomorphic(first, copy(s)), "the store changed on a second ingest");
        }
    }

    @Test
    void badFilesAreReportedAndTheOthersStillGoIn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-empty.txt"), "");
        Files.write(dir.resolve("b-binary.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Files.copy(Path.of("data/reports/00-kupiansk-cleared.txt"), dir.resolve("c-good.txt"));
        Files.writeString(dir.resolve("d-badmeta.txt"), "Shelling in Kherson\nThe city was shelled on Monday.");
        Files.writeString(dir.resolve("d-badmeta.meta.json"), "{\"url\": ");
        KgStore s = KgStore.inMemory();
        long before = s.quadCount();
        Ingester.Summary sum = TestStores.ingester(s).ingest(List.of(dir, dir.resolve("missing.txt")));
        assertEquals(1, sum.written());
        assertEquals(4, sum.failed(), sum.errors()::toString);
        assertTrue(sum.errors().stream().allMatch(e -> !e.contains("\n")), "one line each");
        assertTrue(sum.errors().stream().anyMatch(e -> e.contains("a-empty.txt") && e.contains("empty")));
        assertTrue(sum.errors().stream().anyMatch(e -> e.contains("b-binary.txt") && e.contains("PNG")));
        assertTrue(sum.errors().stream().anyMatch(e -> e.contains("d-badmeta.meta.json") && e.contains("malformed")));
        assertTrue(sum.errors().stream().anyMatch(e -> e.contains("missing.txt")));
        assertTrue(s.quadCount() > before);
        assertEquals(1, TestStores.select(s, "SELECT ?r WHERE { GRAPH ?r { ?r a ckg:Report } }").size());
    }

    @Test
    void strictStopsAtTheFirstFailure(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-empty.txt"), " ");
        Files.copy(Path.of("data/reports/00-kupiansk-cleared.txt"), dir.resolve("b-good.txt"));
        KgStore s = KgStore.inMemory();
        Ingester strict = new Ingester(s, TestStores.gazetteer(),
                new org.w3id.conflictkg.extract.Extractor(TestStores.gazetteer()),
                new org.w3id.conflictkg.report.ReportReader(), true);
        Ingester.Summary sum = strict.ingest(List.of(dir));
        assertEquals(1, sum.failed());
        assertEquals(0, sum.written());
    }

    private static DatasetGraph copy(KgStore s) {
        return Txn.calculateRead(s.dataset(), () -> {
            DatasetGraph out = DatasetGraphFactory.createGeneral();
            s.datasetGraph().find().forEachRemaining(out::add);
            return out;
        });
    }
}
