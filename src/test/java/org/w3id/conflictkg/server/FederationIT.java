package org.w3id.conflictkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.cli.Main;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.store.KgStore;

/**
 * SERVICE through ConflictKG to a second local SPARQL server: an allow-listed endpoint joins, an unlisted one is
 * refused before any connection, a slow one is cut off by the service time limit; and the reverse, a plain Jena
 * client joining ConflictKG with that second server.
 */
class FederationIT {
    private static final String PREFIX = "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
            + "PREFIX ex: <http://example.org/>\n";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration SERVICE_TIMEOUT = Duration.ofMillis(1500);

    @TempDir
    static Path dir;
    private static KgStore store;
    private static KgServer server;
    private static FusekiServer remote;
    private static String remoteSparql;
    private static String slowSparql;
    private static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);
    private static final AtomicInteger SLOW_CALLS = new AtomicInteger();
    private static ServerSocket trap;
    private static final AtomicInteger TRAP_ACCEPTS = new AtomicInteger();
    private static String trapUrl;

    @BeforeAll
    static void start() throws IOException {
        store = KgStore.inMemory();
        store.replaceGraph(CKG.GAZETTEER_GRAPH, kupiansk().getGraph(), null);

        DatasetGraph remoteData = DatasetGraphFactory.createTxnMem();
        remoteData.getDefaultGraph().add(SSE.parseTriple(
                "(<https://sws.geonames.org/703656/> <http://example.org/population> 26000)"));
        remote = FusekiServer.create().port(0).loopback(true)
                .add("/remote", remoteData, false)
                .addServlet("/slow/sparql", new SlowServlet())
                .build().start();
        remoteSparql = "http://127.0.0.1:" + remote.getPort() + "/remote/sparql";
        slowSparql = "http://127.0.0.1:" + remote.getPort() + "/slow/sparql";

        // An address nobody allowed: it counts every connection that reaches it.
        trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        trapUrl = "http://127.0.0.1:" + trap.getLocalPort() + "/sparql";
        Thread t = new Thread(() -> {
            while (!trap.isClosed()) {
                try (Socket s = trap.accept()) {
                    TRAP_ACCEPTS.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "trap");
        t.setDaemon(true);
        t.start();

        FederationPolicy.install(store.dataset().getContext(), List.of(remoteSparql, slowSparql), SERVICE_TIMEOUT);
        server = KgServer.start(store, new KgServer.Settings("127.0.0.1", 0, 20_000, null, null));
    }

    /** Kupiansk as the gazetteer has it, and a report that mentions it. */
    private static Model kupiansk() {
        Model m = ModelFactory.createDefaultModel();
        Resource place = m.createResource(CKG.ID + "place/703656")
                .addProperty(RDF.type, CKG.Settlement)
                .addProperty(RDFS.label, "Kupiansk", "en")
                .addProperty(CKG.geonamesId, "703656")
                .addProperty(OWL.sameAs, m.createResource("https://sws.geonames.org/703656/"));
        m.createResource(CKG.ID + "report/test").addProperty(RDF.type, CKG.Report).addProperty(CKG.mentions, place);
        return m;
    }

    @AfterAll
    static void stop() throws IOException {
        RELEASE_SLOW.countDown();
        if (server != null) {
            server.stop();
        }
        if (remote != null) {
            remote.stop();
        }
        if (trap != null) {
            trap.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** Answers after the test lets it go (or 20 s): a remote endpoint that hangs. */
    static final class SlowServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            SLOW_CALLS.incrementAndGet();
            try {
                RELEASE_SLOW.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resp.setContentType("application/sparql-results+json");
            resp.getWriter().write("{\"head\":{\"vars\":[\"pop\"]},\"results\":{\"bindings\":[]}}");
        }
    }

    private static HttpResponse<String> ask(String query) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                + URLEncoder.encode(PREFIX + query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonArray rows(HttpResponse<String> r) {
        return JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray();
    }

    @Test
    void anAllowListedEndpointJoinsOurPlacesThroughOwlSameAs() throws Exception {
        HttpResponse<String> r = ask("SELECT ?label ?pop WHERE { ?place ckg:geonamesId \"703656\" ; rdfs:label ?label ;"
                + " owl:sameAs ?g . SERVICE <" + remoteSparql + "> { ?g ex:population ?pop } }");
        assertEquals(200, r.statusCode(), r.body());
        JsonArray rows = rows(r);
        assertEquals(1, rows.size(), r.body());
        assertEquals("Kupiansk", rows.get(0).getAsObject().get("label").getAsObject().get("value").getAsString()
                .value());
        assertEquals("26000", rows.get(0).getAsObject().get("pop").getAsObject().get("value").getAsString().value());
    }

    @Test
    void anUnlistedEndpointIsRefusedWithAClearErrorAndNeverContacted() throws Exception {
        HttpResponse<String> r = ask("SELECT * WHERE { SERVICE <" + trapUrl + "> { ?s ?p ?o } }");
        assertTrue(r.statusCode() >= 400, "status " + r.statusCode() + " " + r.body());
        assertTrue(r.body().contains("not on this server's federation allow-list"), r.body());
        assertTrue(r.body().contains(trapUrl), r.body());
        // The endpoint as a variable is checked per row, after its value is put in.
        HttpResponse<String> v = ask("SELECT * WHERE { VALUES ?e { <" + trapUrl + "> } SERVICE ?e { ?s ?p ?o } }");
        assertTrue(v.statusCode() >= 400 || !v.body().contains("\"s\""), "status " + v.statusCode() + " " + v.body());
        // SILENT hides errors from the answer, not the refusal's effect: still no connection.
        ask("SELECT * WHERE { SERVICE SILENT <" + trapUrl + "> { ?s ?p ?o } }");
        HttpResponse<String> other = ask("SELECT * WHERE { SERVICE <http://127.0.0.1:" + remote.getPort()
                + "/remote/update> { ?s ?p ?o } }");
        assertTrue(other.body().contains("allow-list"), "another path on an allowed host is not allowed");
        Thread.sleep(200);
        assertEquals(0, TRAP_ACCEPTS.get(), "connections reached the unlisted endpoint");
    }

    @Test
    void aSlowRemoteIsCutOffByTheServiceTimeout() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = ask("SELECT ?pop WHERE { SERVICE <" + slowSparql + "> { ?g ex:population ?pop } }");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(SLOW_CALLS.get() >= 1, "the slow endpoint was never called");
        assertTrue(r.statusCode() >= 400, "status " + r.statusCode() + " " + r.body());
        assertTrue(ms >= SERVICE_TIMEOUT.toMillis() - 100 && ms < 10_000, "took " + ms + " ms");
    }

    @Test
    void aPlainJenaClientJoinsConflictKgWithAnotherEndpoint() {
        // The reverse direction: ConflictKG is one of two endpoints a federating client (here ARQ itself) joins.
        String q = PREFIX + "SELECT ?label ?pop WHERE {\n"
                + "  SERVICE <" + server.sparqlUrl() + "> { ?place ckg:geonamesId \"703656\" ; rdfs:label ?label ;"
                + " owl:sameAs ?g }\n"
                + "  SERVICE <" + remoteSparql + "> { ?g ex:population ?pop }\n}";
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.create()).query(q).build()) {
            ResultSetFactory.copyResults(qe.execSelect()).forEachRemaining(rows::add);
        }
        assertEquals(1, rows.size(), rows::toString);
        assertEquals("Kupiansk", rows.get(0).getLiteral("label").getLexicalForm());
        assertEquals(26000, rows.get(0).getLiteral("pop").getInt());
    }

    @Test
    void theQueryCommandAppliesTheSameAllowList() throws Exception {
        Path tdb = dir.resolve("store");
        KgStore.open(tdb).close();
        StringWriter err = new StringWriter();
        int refused = Main.execute(new String[] {"query", "--store", tdb.toString(), "--federate", remoteSparql,
            "SELECT * WHERE { SERVICE <" + trapUrl + "> { ?s ?p ?o } }"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertEquals(1, refused, err.toString());
        assertTrue(err.toString().startsWith("error: query: SERVICE <" + trapUrl + ">: refused"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        try {
            // QueryCommand writes results to System.out (its default stream), taken when the command is made.
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            code = Main.execute(new String[] {"query", "--store", tdb.toString(), "--format", "csv", "--federate",
                remoteSparql, "--service-timeout", "5", "SELECT ?pop WHERE { SERVICE <" + remoteSparql
                    + "> { ?g <http://example.org/population> ?pop } }"}, new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()));
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, code);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("26000"), bytes::toString);
        assertEquals(0, TRAP_ACCEPTS.get());
    }

    @Test
    void entityPagesLinkToTheHostAndPortTheyWereReachedAtWithoutBase() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/id/place/703656"))
                .header("Accept", "text/html").build();
        HttpResponse<String> page = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("href=\"http://127.0.0.1:" + server.port() + "/id/report/test\""),
                page.body());
    }
}
