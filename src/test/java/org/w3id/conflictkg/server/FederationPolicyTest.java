package org.w3id.conflictkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.KgException;

/** The SERVICE allow-list on its own: URL forms, the file format, and refusals before any call is made. */
class FederationPolicyTest {
    @Test
    void endpointsAreComparedWithSchemeAndHostInLowerCaseAndWithoutTheDefaultPort() {
        assertEquals("https://query.wikidata.org/sparql",
                FederationPolicy.normalize("HTTPS://Query.Wikidata.org:443/sparql"));
        assertEquals("http://127.0.0.1:3030/ds/sparql?x=1",
                FederationPolicy.normalize(" http://127.0.0.1:3030/ds/sparql?x=1 "));
        assertEquals("http://example.org/", FederationPolicy.normalize("http://example.org"));
    }

    @Test
    void onlyPlainHttpAndHttpsUrlsCanBeAllowed() {
        for (String bad : List.of("ftp://example.org/sparql", "file:///etc/passwd", "sparql", "http://user@host/sparql",
                "http://example.org/sparql#x", "http://exa mple.org/")) {
            KgException e = assertThrows(KgException.class, () -> FederationPolicy.normalize(bad), bad);
            assertTrue(e.getMessage().startsWith(bad), e.getMessage());
        }
    }

    @Test
    void theAllowListFileTakesOneUrlPerLineWithComments(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("federation.txt");
        Files.writeString(f, "# partners\nhttp://127.0.0.1:3031/other/sparql   # the other one\n\n"
                + "  https://dbpedia.org/sparql\n");
        assertEquals(List.of("http://127.0.0.1:3031/other/sparql", "https://dbpedia.org/sparql"),
                FederationPolicy.readFile(f));
        Files.writeString(f, "https://dbpedia.org/sparql\ngopher://old.example.org/\n");
        KgException e = assertThrows(KgException.class, () -> FederationPolicy.readFile(f));
        assertTrue(e.getMessage().startsWith(f + ":2: gopher://"), e.getMessage());
        KgException missing = assertThrows(KgException.class, () -> FederationPolicy.readFile(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("cannot read the federation allow-list"), missing.getMessage());
    }

    private static Dataset withPolicy(List<String> allowed) {
        Dataset ds = DatasetFactory.createTxnMem();
        FederationPolicy.install(ds.getContext(), allowed, Duration.ofSeconds(2));
        return ds;
    }

    private static void run(Dataset ds, String query) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
            qe.execSelect().forEachRemaining(r -> { });
        }
    }

    @Test
    void anUnlistedServiceIsRefusedWhetherWrittenOrBoundToAVariable() {
        Dataset ds = withPolicy(List.of("http://127.0.0.1:9/allowed/sparql"));
        QueryDeniedException e = assertThrows(QueryDeniedException.class,
                () -> run(ds, "SELECT * { SERVICE <http://127.0.0.1:9/other/sparql> { ?s ?p ?o } }"));
        assertTrue(e.getMessage().startsWith("SERVICE <http://127.0.0.1:9/other/sparql>: refused, not on this "
                + "server's federation allow-list (http://127.0.0.1:9/allowed/sparql)"), e.getMessage());
        assertThrows(QueryDeniedException.class, () -> run(ds,
                "SELECT * { VALUES ?e { <http://169.254.169.254/latest/meta-data> } SERVICE ?e { ?s ?p ?o } }"));
        assertThrows(QueryDeniedException.class,
                () -> run(ds, "SELECT * { SERVICE <file:///etc/passwd> { ?s ?p ?o } }"));
    }

    @Test
    void ensureInstalledAddsWikidataOnlyAndKeepsAPolicyAlreadyThere() {
        Context fresh = new Context();
        FederationPolicy.ensureInstalled(fresh);
        assertEquals(Set.of(FederationPolicy.WIKIDATA), FederationPolicy.allowed(fresh));
        Context own = new Context();
        FederationPolicy.install(own, List.of(), Duration.ofSeconds(1));
        FederationPolicy.ensureInstalled(own);
        assertEquals(Set.of(), FederationPolicy.allowed(own));
    }

    @Test
    void theServiceTimeoutMustBePositive() {
        KgException e = assertThrows(KgException.class,
                () -> FederationPolicy.install(new Context(), List.of(), Duration.ZERO));
        assertTrue(e.getMessage().startsWith("--service-timeout 0.0"), e.getMessage());
    }
}
