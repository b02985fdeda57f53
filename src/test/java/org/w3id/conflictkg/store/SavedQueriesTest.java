package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every saved query in queries/ parses, opens with its question, and answers over the bundled reports. */
class SavedQueriesTest {
    private static KgStore store;

    @BeforeAll
    static void build() {
        store = TestStores.withBundledReports();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            return s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
    }

    static List<QuerySolution> run(Path file) throws IOException {
        return runOn(store, file);
    }

    @Test
    void thereAreAtLeastSixSavedQueries() throws IOException {
        assertTrue(files().size() >= 6, files()::toString);
    }

    @TestFactory
    Stream<DynamicTest> everySavedQueryOpensWithItsQuestionAndAnswers() throws IOException {
        return files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("#"), f + " must open with a # line stating its question");
            // A federated query calls a remote endpoint (never from tests): it must parse, and is not run here.
            QueryRunner.parse(text, f.toString());
            Assumptions.assumeFalse(isFederated(text), f + " is federated (# federated in its opening lines): "
                    + "parsed, not run; FederationIT runs a federated join against a local endpoint");
            List<QuerySolution> rows = run(f);
            assertFalse(rows.isEmpty(), f + " answered nothing over data/reports");
        }));
    }

    /** A saved query whose opening comment lines say {@code # federated}. */
    static boolean isFederated(String text) {
        return text.lines().takeWhile(l -> l.startsWith("#")).anyMatch(l -> l.startsWith("# federated"));
    }

    @Test
    void claimsAboutKupianskIncludeVoloshynsClearing() throws IOException {
        List<QuerySolution> rows = run(Path.of("queries/claims-about-a-place-over-time.rq"));
        assertTrue(rows.stream().anyMatch(r -> r.toString().contains("Voloshyn")), rows::toString);
    }

    @Test
    void contradictingClaimsFindTheHrodivkaDispute() throws IOException {
        List<QuerySolution> rows = run(Path.of("queries/contradicting-claims.rq"));
        assertTrue(rows.stream().anyMatch(r -> r.toString().contains("Hrodivka")), rows::toString);
    }

    @Test
    void officialsAndRolesListsTheSeedsGovernor() throws IOException {
        List<QuerySolution> rows = run(Path.of("queries/officials-and-roles.rq"));
        assertTrue(rows.stream().anyMatch(r -> r.toString().contains("Syniehubov") && r.toString().contains("governor")),
                rows::toString);
    }

    @Test
    void placesWithGeoNamesLinksIncludeKupiansk() throws IOException {
        List<QuerySolution> rows = run(Path.of("queries/places-with-geonames-links.rq"));
        assertTrue(rows.stream().anyMatch(r -> r.toString().contains("703656")), rows::toString);
    }

    @Test
    void contradictingClaimsListASameSidePairLinkedByContradicts() throws IOException {
        // Two Ukrainian claims about the same village, category and month, neither a denial: only a
        // ckg:contradicts link (in a graph of its own, as an analyst would add it) makes them a pair.
        KgStore own = KgStore.inMemory();
        try {
            String r = "https://example.org/report/";
            String place = "<https://w3id.org/conflict-kg/id/place/x-test-hrodivka>";
            StringBuilder u = new StringBuilder("""
                    PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    INSERT DATA {
                      GRAPH <https://example.org/places> { %s rdfs:label "Hrodivka"@en }
                    """.formatted(place));
            for (int k = 1; k <= 2; k++) {
                u.append("""
                          GRAPH <%1$s%2$d> {
                            <%1$s%2$d> ckg:sourceFile "test-%2$d.txt" .
                            <%1$s%2$d/e> a ckg:ControlChange ; ckg:place %3$s ; ckg:category ckg:ControlChange ;
                                ckg:placeLabel "Hrodivka"@en ; ckg:when "2024-12-0%2$d" .
                            <%1$s%2$d/c> ckg:asserts <%1$s%2$d/e> ; ckg:stance ckg:Asserted ;
                                ckg:claimKey "test|ControlChange|2024-12" ; ckg:claimantSide ckg:Ukraine ;
                                ckg:claimantLabel "Claimant %2$d"@en ; ckg:quote "Quote %2$d" .
                          }
                        """.formatted(r, k, place));
            }
            u.append("  GRAPH <https://example.org/links> { <" + r + "1/c> ckg:contradicts <" + r + "2/c> }\n}");
            Txn.executeWrite(own.dataset(), () -> org.apache.jena.update.UpdateAction.parseExecute(u.toString(),
                    own.dataset()));
            List<QuerySolution> rows = runOn(own, Path.of("queries/contradicting-claims.rq"));
            assertTrue(rows.size() == 1 && rows.get(0).getLiteral("why").getString()
                    .equals("one denies or contradicts the other"), rows::toString);
            Txn.executeWrite(own.dataset(), () -> own.dataset().removeNamedModel("https://example.org/links"));
            assertTrue(runOn(own, Path.of("queries/contradicting-claims.rq")).isEmpty(),
                    "without the link, two same-side claims are no contradiction");
        } finally {
            own.close();
        }
    }

    static List<QuerySolution> runOn(KgStore s, Path file) throws IOException {
        return TestStores.select(s, QueryRunner.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
    }
}
