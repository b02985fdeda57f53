package org.w3id.conflictkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.TestStores;

/** End to end: data/reports in a store, served on a free port, asked over HTTP with a real client. */
class KgServerIT {
    private static final String PREFIX = "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    private static KgStore store;
    private static KgServer server;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        store = TestStores.withBundledReports();
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "editor: s3cret-pass\n");
        // Port 0: the system picks a free port, read back from the server.
        server = KgServer.start(store, new KgServer.Settings("127.0.0.1", 0, 5_000, passwords, null));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sparqlGet(String query, String accept) throws Exception {
        return get("/conflict/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), accept);
    }

    private static HttpResponse<String> post(String path, String contentType, String body, String auth)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theKupianskClaimAndItsClaimantComeBackAsSparqlJson() throws Exception {
        String q = PREFIX + """
                SELECT ?who WHERE { ?c a ckg:Claim ; ckg:claimant/rdfs:label ?who ; ckg:asserts ?e .
                  ?e a/rdfs:subClassOf* ckg:ControlChange ; ckg:place/ckg:geonamesId "703656" ;
                     ckg:date "2024-11-26"^^<http://www.w3.org/2001/XMLSchema#date> }""";
        HttpResponse<String> r = sparqlGet(q, "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        JsonArray rows = JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray();
        assertEquals(1, rows.size(), r.body());
        JsonObject who = rows.get(0).getAsObject().get("who").getAsObject();
        assertEquals("Nazar Voloshyn", who.get("value").getAsString().value());
    }

    @Test
    void resultsComeInEveryFormatByAcceptHeaderAndByPost() throws Exception {
        String q = PREFIX + "SELECT ?f WHERE { ?r ckg:sourceFile ?f } ORDER BY ?f LIMIT 1";
        assertTrue(sparqlGet(q, "text/csv").body().startsWith("f\r\n00-kupiansk-cleared.txt"));
        assertTrue(sparqlGet(q, "text/tab-separated-values").body().startsWith("?f\n"));
        assertTrue(sparqlGet(q, "application/sparql-results+xml").body().contains("<sparql"));
        HttpResponse<String> p = post("/conflict/sparql", "application/sparql-query", q, null);
        assertEquals(200, p.statusCode());
        assertTrue(p.body().contains("00-kupiansk-cleared.txt"), p.body());
    }

    @Test
    void malformedSparqlIsA400AndTheServerKeepsServing() throws Exception {
        HttpResponse<String> r = sparqlGet("SELEC nonsense", "application/sparql-results+json");
        assertEquals(400, r.statusCode());
        assertEquals(200, sparqlGet("ASK { ?s ?p ?o }", null).statusCode());
    }

    @Test
    void updateWithoutCredentialsIsRefusedAndTheStoreIsUnchanged() throws Exception {
        String update = "INSERT DATA { GRAPH <urn:x:test> { <urn:x:a> <urn:x:b> \"intruder\" } }";
        HttpResponse<String> r = post("/conflict/update", "application/sparql-update", update, null);
        assertEquals(401, r.statusCode());
        HttpResponse<String> wrong = post("/conflict/update", "application/sparql-update", update, "editor:wrong");
        assertEquals(401, wrong.statusCode());
        assertTrue(sparqlGet("ASK { <urn:x:a> ?p \"intruder\" }", "application/sparql-results+json").body()
                .contains("false"));
        HttpResponse<String> ok = post("/conflict/update", "application/sparql-update", update, "editor:s3cret-pass");
        assertTrue(ok.statusCode() == 200 || ok.statusCode() == 204, ok.statusCode() + " " + ok.body());
        post("/conflict/update", "application/sparql-update", "DROP GRAPH <urn:x:test>", "editor:s3cret-pass");
    }

    @Test
    void theQueryEndpointItselfRefusesUpdates() throws Exception {
        HttpResponse<String> r = post("/conflict/sparql", "application/sparql-update",
                "INSERT DATA { <urn:x:a> <urn:x:b> 1 }", "editor:s3cret-pass");
        assertTrue(r.statusCode() >= 400, "status " + r.statusCode());
    }

    @Test
    void theQueryPageAndSavedQueriesAreServed() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("ConflictKG"), "index.html");
        HttpResponse<String> js = get("/yasgui/yasgui.min.js", null);
        assertEquals(200, js.statusCode());
        HttpResponse<String> saved = get("/api/queries", null);
        assertEquals(200, saved.statusCode());
        JsonArray list = JSON.parseAny(saved.body()).getAsArray();
        assertTrue(list.size() >= 6, saved.body());
        assertTrue(list.get(0).getAsObject().get("title").getAsString().value().length() > 5);
        assertEquals(200, get("/ontology", null).statusCode());
        assertEquals(404, get("/no-such-page.html", null).statusCode());
    }

    @Test
    void aRunawayQueryIsCutOffByTheTimeout() throws Exception {
        String slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        long t0 = System.nanoTime();
        HttpResponse<String> r = sparqlGet(slow, "application/sparql-results+json");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.statusCode() >= 400 || !r.body().contains("\"n\""), "status " + r.statusCode());
        assertTrue(ms < 30_000, "took " + ms + " ms");
        assertEquals(200, sparqlGet("ASK { ?s ?p ?o }", null).statusCode());
    }
}
