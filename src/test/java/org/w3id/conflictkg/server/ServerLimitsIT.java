package org.w3id.conflictkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.store.KgStore;

/**
 * The served store under bad and heavy requests: clear HTTP errors with no stack traces, request and result size
 * limits, the query time limit, and no credentials in the log; after each, the server keeps answering.
 */
class ServerLimitsIT {
    private static final long MAX_BODY = 10_000;
    private static final long MAX_ROWS = 5;
    private static final String USER = "archivist";
    private static final String PASSWORD = "correct-horse-battery";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    private static KgStore store;
    private static KgServer server;
    private static String base;
    private static String startLog;

    @BeforeAll
    static void start() throws Exception {
        store = KgStore.inMemory();
        Graph g = GraphFactory.createDefaultGraph();
        Node p = NodeFactory.createURI("urn:x:p");
        for (int i = 0; i < 200; i++) {
            g.add(NodeFactory.createURI("urn:x:s" + i), p, NodeFactory.createLiteralString("value " + i));
        }
        store.replaceGraph("urn:x:g", g, null);
        Path passwords = Files.writeString(dir.resolve("passwords"), USER + ": " + PASSWORD + "\n");
        PrintStream saved = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            server = KgServer.start(store, new KgServer.Settings("127.0.0.1", 0, 1_000, passwords, null, null,
                    MAX_BODY, MAX_ROWS));
            base = "http://127.0.0.1:" + server.port();
        } finally {
            System.setErr(saved);
        }
        startLog = log.toString(StandardCharsets.UTF_8);
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

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> query(String sparql) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/conflict/sparql?query="
                + URLEncoder.encode(sparql, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json"));
    }

    private static void assertStillServing() throws Exception {
        HttpResponse<String> r = query("ASK { ?s ?p ?o }");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("true"), r.body());
    }

    private static void assertNoStackTrace(HttpResponse<String> r) {
        assertFalse(r.body().contains("\tat ") || r.body().contains("Exception") || r.body().contains(".java:"),
                r.body());
    }

    @Test
    void malformedSparqlIsA400WithAPlainMessageAndNoStackTrace() throws Exception {
        HttpResponse<String> r = query("SELECT ?x WHERE { ?x ");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().startsWith("Parse error"), r.body());
        assertNoStackTrace(r);
        assertStillServing();
    }

    @Test
    void anUnknownGraphIsA404() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/conflict/get?graph="
                + URLEncoder.encode("urn:x:no-such-graph", StandardCharsets.UTF_8))));
        assertEquals(404, r.statusCode(), r.body());
        assertNoStackTrace(r);
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/conflict/get?graph=urn:x:g"))).statusCode());
    }

    @Test
    void aRequestBodyOverTheLimitIsA413BeforeItIsRead() throws Exception {
        String big = "SELECT * WHERE { ?s ?p ?o } # " + "x".repeat((int) MAX_BODY);
        HttpResponse<String> direct = send(HttpRequest.newBuilder(URI.create(base + "/conflict/sparql"))
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(big)));
        assertEquals(413, direct.statusCode());
        assertTrue(direct.body().contains("over the limit of " + MAX_BODY), direct.body());
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/conflict/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(big, StandardCharsets.UTF_8))));
        assertEquals(413, form.statusCode());
        // A body of unknown length (chunked) cannot be checked before reading: the client must send a length.
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(base + "/conflict/sparql"))
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("ASK {}".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(411, chunked.statusCode());
        HttpResponse<String> small = send(HttpRequest.newBuilder(URI.create(base + "/conflict/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString("ASK {}")));
        assertEquals(200, small.statusCode());
        assertStillServing();
    }

    @Test
    void resultsAreCappedAndTheResponseSaysSo() throws Exception {
        HttpResponse<String> all = query("SELECT * WHERE { ?s ?p ?o }");
        assertEquals(200, all.statusCode());
        assertEquals(MAX_ROWS, rows(all));
        assertEquals(String.valueOf(MAX_ROWS), all.headers().firstValue(ResultLimitedQuery.HEADER).orElse(null));
        HttpResponse<String> fewer = query("SELECT * WHERE { ?s ?p ?o } LIMIT 3");
        assertEquals(3, rows(fewer));
        assertTrue(fewer.headers().firstValue(ResultLimitedQuery.HEADER).isEmpty());
        HttpResponse<String> ask = query("ASK { ?s ?p ?o }");
        assertTrue(ask.headers().firstValue(ResultLimitedQuery.HEADER).isEmpty());
    }

    @Test
    void aQueryThatWouldRunForMinutesEndsAtTheTimeLimitAndOthersAreStillAnswered() throws Exception {
        // 200^4 = 1.6 billion rows to count: minutes of work, cut off after the one-second limit.
        long t0 = System.nanoTime();
        HttpResponse<String> r = query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("timed out"), r.body());
        assertTrue(ms < 20_000, "took " + ms + " ms");
        assertNoStackTrace(r);
        assertStillServing();
    }

    @Test
    void updatesNeedTheirPasswordAndNeitherUserNorPasswordIsLogged() throws Exception {
        String update = "INSERT DATA { GRAPH <urn:x:new> { <urn:x:a> <urn:x:b> \"c\" } }";
        PrintStream saved = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            assertEquals(401, update(update, USER + ":wrong").statusCode());
            int ok = update(update, USER + ":" + PASSWORD).statusCode();
            assertTrue(ok == 200 || ok == 204, "status " + ok);
            int dropped = update("DROP GRAPH <urn:x:new>", USER + ":" + PASSWORD).statusCode();
            assertTrue(dropped == 200 || dropped == 204, "status " + dropped);
        } finally {
            System.setErr(saved);
        }
        String all = startLog + log.toString(StandardCharsets.UTF_8);
        assertFalse(all.contains(PASSWORD), all);
        assertFalse(all.contains(USER), all);
    }

    private static HttpResponse<String> update(String update, String credentials) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/conflict/update"))
                .header("Content-Type", "application/sparql-update")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(update)));
    }

    private static long rows(HttpResponse<String> r) {
        return JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray().size();
    }
}
