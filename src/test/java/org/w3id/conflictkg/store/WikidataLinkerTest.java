package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.report.ReportReader;

/**
 * {@code link wikidata} against stand-ins on 127.0.0.1, never the public endpoint: an embedded Fuseki with a few
 * Wikidata-shaped items (made-up Q numbers carrying real GeoNames ids through wdt:P1566), a server that answers 429
 * once, and one that never answers.
 */
class WikidataLinkerTest {
    private static final String PLACE = "https://w3id.org/conflict-kg/id/place/";
    private static final String WIKIDATA = """
            PREFIX wd:   <http://www.wikidata.org/entity/>
            PREFIX wdt:  <http://www.wikidata.org/prop/direct/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            wd:Q900001 wdt:P1566 "703656" ; rdfs:label "Kupiansk"@en .
            wd:Q900002 wdt:P1566 "706482" ; rdfs:label "Kharkiv Oblast"@en .
            wd:Q900003 wdt:P1566 "690791" ; rdfs:label "Ukraine"@en .
            wd:Q900004 wdt:P1566 "709399" ; rdfs:label "Dvorichna"@en .
            wd:Q900005 wdt:P1566 "709399" ; rdfs:label "Dvorichna hromada"@en .
            wd:Q900006 wdt:P1566 "99999999" ; rdfs:label "a place the store does not have"@en .
            """;

    private static FusekiServer fuseki;
    private static String endpoint;

    @BeforeAll
    static void startStandIn() {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(WIKIDATA, Lang.TURTLE).parse(m);
        Dataset wd = DatasetFactory.create(m);
        // Port 0: the system picks a free port, read back from the server.
        fuseki = FusekiServer.create().port(0).loopback(true).add("/wd", wd, false).build().start();
        endpoint = "http://127.0.0.1:" + fuseki.getPort() + "/wd/sparql";
    }

    @AfterAll
    static void stopStandIn() {
        if (fuseki != null) {
            fuseki.stop();
        }
    }

    private static WikidataLinker.Settings settings(String url, int batch, double rate, Duration timeout,
                                                     int retries) {
        return new WikidataLinker.Settings(URI.create(url), batch, rate, timeout, retries, Duration.ofMillis(10));
    }

    /** A store whose gazetteer is Kupiansk alone: enough for the politeness tests, and fast to build. */
    private static KgStore kupianskOnly() {
        KgStore store = KgStore.inMemory();
        Gazetteer g = Gazetteer.of(List.of(TestStores.gazetteer().get("703656").orElseThrow()));
        new Ingester(store, g, new Extractor(g), new ReportReader(), false).ensureBase();
        return store;
    }

    @Test
    void linksPlacesToTheItemsCarryingTheirGeoNamesIdAndARerunLinksNothingNew() {
        try (KgStore store = KgStore.inMemory()) {
            TestStores.ingester(store).ensureBase();
            List<WikidataLinker.Progress> progress = new ArrayList<>();
            WikidataLinker.Summary first = new WikidataLinker(settings(endpoint, 500, 50, Duration.ofSeconds(10), 1))
                    .link(store, progress::add);
            assertEquals(3, first.linked(), first::toString);
            assertEquals(1, first.ambiguous(), "two items carry Dvorichna's id: " + first);
            assertEquals(first.candidates() - 4, first.notFound(), first::toString);
            assertTrue(first.candidates() > 3000, "the bundled places with GeoNames ids: " + first);
            assertEquals((first.candidates() + 499) / 500, first.requests(), "one request per batch of 500");
            WikidataLinker.Progress last = progress.get(progress.size() - 1);
            assertEquals(new WikidataLinker.Progress(first.candidates(), first.candidates(), 3), last);

            List<QuerySolution> links = TestStores.select(store, """
                    SELECT ?place ?item WHERE { GRAPH <%s> { ?place owl:sameAs ?item } } ORDER BY ?item"""
                    .formatted(WikidataLinker.LINKS_GRAPH));
            assertEquals(List.of(PLACE + "703656 http://www.wikidata.org/entity/Q900001",
                            PLACE + "706482 http://www.wikidata.org/entity/Q900002",
                            PLACE + "690791 http://www.wikidata.org/entity/Q900003"),
                    links.stream().map(r -> r.getResource("place").getURI() + " " + r.getResource("item").getURI())
                            .toList());
            assertEquals(1, TestStores.select(store, """
                    PREFIX dct: <http://purl.org/dc/terms/>
                    SELECT * { GRAPH ?g { ?g dct:license <https://creativecommons.org/publicdomain/zero/1.0/> } }""")
                    .size(), "the links graph states Wikidata's CC0 licence");

            WikidataLinker.Summary again = new WikidataLinker(settings(endpoint, 500, 50, Duration.ofSeconds(10), 1))
                    .link(store, p -> { });
            assertEquals(first.candidates() - 3, again.candidates(), "linked places are not asked again");
            assertEquals(0, again.linked(), again::toString);
            assertEquals(3, TestStores.select(store, "SELECT * { GRAPH <" + WikidataLinker.LINKS_GRAPH
                    + "> { ?p owl:sameAs ?i } }").size());
        }
    }

    @Test
    void theQueryAsksWikidataPropertyP1566ForEachIdOfTheBatch() {
        assertEquals("PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
                        + "SELECT ?item ?gn WHERE { VALUES ?gn { \"703656\" \"706482\" } ?item wdt:P1566 ?gn }",
                WikidataLinker.query(List.of("703656", "706482")));
    }

    @Test
    void aSilentEndpointFailsWithAClearErrorInsteadOfHanging() throws IOException {
        // Accepts connections (the system completes them into the backlog) and never answers.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             KgStore store = kupianskOnly()) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/sparql";
            KgException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(KgException.class,
                    () -> new WikidataLinker(settings(url, 50, 10, Duration.ofMillis(300), 1)).link(store, p -> { })));
            assertTrue(e.getMessage().startsWith(url + ": no answer within 300 ms after 2 attempts"), e.getMessage());
        }
    }

    @Test
    void retriesAfterTooManyRequestsPacesRequestsAndSendsAUserAgent() throws IOException {
        List<String> agents = Collections.synchronizedList(new ArrayList<>());
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sparql", exchange -> {
            agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            times.add(System.nanoTime());
            byte[] body;
            if (times.size() <= 2) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                body = "slow down".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(429, body.length);
            } else {
                body = """
                        {"head": {"vars": ["item", "gn"]}, "results": {"bindings": [
                          {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900001"},
                           "gn": {"type": "literal", "value": "703656"}}]}}""".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
                exchange.sendResponseHeaders(200, body.length);
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try (KgStore store = kupianskOnly()) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sparql";
            WikidataLinker.Summary s = new WikidataLinker(settings(url, 50, 4, Duration.ofSeconds(10), 2))
                    .link(store, p -> { });
            assertEquals(1, s.linked(), s::toString);
            assertEquals(3, s.requests(), "two answers 429 and the retry that succeeds: " + s);
            assertTrue(agents.stream().allMatch(a -> a != null && a.startsWith("ConflictKG/")), agents::toString);
            // Between the second and third requests: the first one's arrival includes opening the connection.
            long gapMillis = (times.get(2) - times.get(1)) / 1_000_000;
            assertTrue(gapMillis >= 240, "at most 4 requests a second, retries included: " + gapMillis + " ms");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusedRequestFailsAtOnceNamingTheStatus() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sparql", exchange -> {
            byte[] body = "Query is malformed\nat line 1".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try (KgStore store = kupianskOnly()) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sparql";
            WikidataLinker linker = new WikidataLinker(settings(url, 50, 10, Duration.ofSeconds(10), 3));
            KgException e = assertThrows(KgException.class, () -> linker.link(store, p -> { }));
            assertEquals(url + ": HTTP 400 (Query is malformed)", e.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
