package org.w3id.conflictkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.TestStores;

/**
 * The linked-data side of a served store: entity IRIs dereference by content negotiation, the VoID and service
 * descriptions are where clients look for them, and the query endpoint answers browsers from other origins (CORS).
 */
class LinkedDataIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The --base the server runs with: links must use it, not the address the test reaches it at. */
    private static final String BASE = "http://kg.example.org/";
    private static final String KUPIANSK = CKG.ID + "place/703656";
    private static final String VOID = "http://rdfs.org/ns/void#";
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    private static KgStore store;
    private static KgServer server;
    private static String base;

    @BeforeAll
    static void start() {
        store = TestStores.withBundledReports();
        server = KgServer.start(store, new KgServer.Settings("127.0.0.1", 0, 10_000, null, null, BASE));
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Model parse(HttpResponse<String> r, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), lang).parse(m);
        return m;
    }

    private static Property ckg(String local) {
        return ModelFactory.createDefaultModel().createProperty(CKG.NS + local);
    }

    @Test
    void aPlaceIriGivesTurtleWithItsPropertiesAndTheClaimsAboutIt() throws Exception {
        HttpResponse<String> r = get("/id/place/703656", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), r.headers()::toString);
        Model m = parse(r, Lang.TURTLE);
        Resource place = m.createResource(KUPIANSK);
        assertTrue(m.contains(place, RDFS.label, m.createLiteral("Kupiansk", "en")), r.body());
        assertTrue(m.contains(place, ckg("geonamesId"), "703656"), r.body());
        assertTrue(m.contains(m.createResource(KUPIANSK + "/geometry"), null, (RDFNode) null),
                "the place's geometry is described with it");
        List<Resource> claims = m.listSubjectsWithProperty(RDF.type, CKG.Claim).toList();
        assertFalse(claims.isEmpty(), "no claims about Kupiansk");
        for (Resource c : claims) {
            Resource event = c.getPropertyResourceValue(CKG.asserts);
            assertNotNull(event, c + " has no event in the description");
            assertTrue(m.contains(event, CKG.place, place) || m.contains(c, CKG.claimant, place), c.toString());
            assertTrue(c.hasProperty(CKG.quote), c + " without its quote");
            assertTrue(m.contains(c.getPropertyResourceValue(CKG.claimant), RDFS.label, (RDFNode) null),
                    c + ": its claimant comes without a label");
        }
        assertTrue(r.body().contains("Nazar Voloshyn"), "the Kupiansk claim's spokesman");
    }

    @Test
    void theSameDescriptionComesAsJsonLdNTriplesAndRdfXmlByAcceptOrFormatParameter() throws Exception {
        Model turtle = parse(get("/id/place/703656", "text/turtle"), Lang.TURTLE);
        HttpResponse<String> jsonld = get("/id/place/703656", "application/ld+json");
        assertTrue(jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        assertTrue(turtle.isIsomorphicWith(parse(jsonld, Lang.JSONLD)), "JSON-LD differs from Turtle");
        assertTrue(turtle.isIsomorphicWith(parse(get("/id/place/703656", "application/n-triples"), Lang.NTRIPLES)));
        assertTrue(turtle.isIsomorphicWith(parse(get("/id/place/703656?format=rdf", "text/html"), Lang.RDFXML)));
        HttpResponse<String> any = get("/id/place/703656", "*/*");
        assertTrue(any.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), "default");
        assertEquals(406, get("/id/place/703656", "image/png").statusCode());
    }

    @Test
    void browsersGetAReadablePageWithLabelsClaimsAndLinksOntoTheBase() throws Exception {
        HttpResponse<String> r = get("/id/place/703656",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        assertTrue(html.contains("<h1>Kupiansk</h1>"), html);
        assertTrue(html.contains("Claims that mention it"), html);
        assertTrue(html.contains("href=\"" + BASE + "id/place/raion-kupiansk-kharkiv\""), "partOf links to the base");
        assertTrue(html.contains(">Kupiansk Raion</a>"), "links show labels");
        assertTrue(html.contains("href=\"https://sws.geonames.org/703656/\""), "external links stay as they are");
        assertFalse(html.contains("href=\"https://w3id.org/conflict-kg/id/"), "our IRIs are mapped to the base");
    }

    @Test
    void personReportClaimAndEventIrisDereferenceToo() throws Exception {
        List<QuerySolution> rows = TestStores.select(store, """
                SELECT ?claim ?person ?report ?event WHERE {
                  ?claim a ckg:Claim ; ckg:claimant ?person ; ckg:statedIn ?report ; ckg:asserts ?event .
                  ?person a ckg:Person } LIMIT 1""");
        assertEquals(1, rows.size());
        for (String v : List.of("claim", "person", "report", "event")) {
            String iri = rows.get(0).getResource(v).getURI();
            HttpResponse<String> r = get(iri.substring("https://w3id.org/conflict-kg".length()), "text/turtle");
            assertEquals(200, r.statusCode(), iri);
            Model m = parse(r, Lang.TURTLE);
            assertTrue(m.contains(m.createResource(iri), null, (RDFNode) null), iri + " has no triples as subject");
        }
        String person = rows.get(0).getResource("person").getURI();
        Model pm = parse(get(person.substring("https://w3id.org/conflict-kg".length()), "text/turtle"), Lang.TURTLE);
        assertTrue(pm.contains(null, CKG.claimant, pm.createResource(person)), "a person's claims come with it");
        assertEquals(200, get(person.substring("https://w3id.org/conflict-kg".length()), "text/html").statusCode());
    }

    @Test
    void anUnknownIriIsNotFound() throws Exception {
        assertEquals(404, get("/id/place/no-such-place", "text/turtle").statusCode());
        assertEquals(404, get("/id/", "text/turtle").statusCode());
        assertEquals(404, get("/id/person/nobody", "text/html").statusCode());
    }

    @Test
    void voidDescribesTheDatasetWithItsEndpointLicenceAndCounts() throws Exception {
        HttpResponse<String> r = get("/.well-known/void", null);
        assertEquals(200, r.statusCode(), r.body());
        Model m = parse(r, Lang.TURTLE);
        Resource ds = m.listSubjectsWithProperty(RDF.type, m.createResource(VOID + "Dataset")).next();
        assertEquals(BASE + "conflict/sparql", ds.getPropertyResourceValue(m.createProperty(VOID + "sparqlEndpoint"))
                .getURI());
        assertEquals(CKG.ID, ds.getProperty(m.createProperty(VOID + "uriSpace")).getString());
        assertTrue(ds.hasProperty(m.createProperty("http://purl.org/dc/terms/license")));
        assertTrue(ds.hasProperty(m.createProperty(VOID + "vocabulary"), m.createResource(CKG.ONTOLOGY)));
        assertTrue(ds.getProperty(m.createProperty(VOID + "triples")).getLong() > 1000);
        long claims = TestStores.select(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a ckg:Claim }").get(0)
                .getLiteral("n").getLong();
        long voidClaims = m.listObjectsOfProperty(ds, m.createProperty(VOID + "classPartition")).toList().stream()
                .map(RDFNode::asResource)
                .filter(p -> p.hasProperty(m.createProperty(VOID + "class"), CKG.Claim))
                .mapToLong(p -> p.getProperty(m.createProperty(VOID + "entities")).getLong()).findFirst().orElse(-1);
        assertEquals(claims, voidClaims);
        for (Resource c : List.of(CKG.Report, CKG.Event, CKG.Place)) {
            assertTrue(r.body().contains(m.shortForm(c.getURI())), c + " not counted");
        }
    }

    @Test
    void theServiceDescriptionIsServedAtTheEndpointAndItsOwnPath() throws Exception {
        for (String path : List.of("/conflict/sparql", "/conflict/service-description")) {
            HttpResponse<String> r = get(path, "text/turtle");
            assertEquals(200, r.statusCode(), path + " " + r.body());
            Model m = parse(r, Lang.TURTLE);
            Resource service = m.listSubjectsWithProperty(RDF.type, m.createResource(SD + "Service")).next();
            assertEquals(BASE + "conflict/sparql", service.getPropertyResourceValue(m.createProperty(SD + "endpoint"))
                    .getURI());
            assertTrue(service.hasProperty(m.createProperty(SD + "feature"), m.createResource(SD
                    + "UnionDefaultGraph")));
        }
        // A query still goes to Fuseki.
        HttpResponse<String> ask = get("/conflict/sparql?query=" + URLEncoder.encode("ASK { ?s ?p ?o }",
                StandardCharsets.UTF_8), "application/sparql-results+json");
        assertEquals(200, ask.statusCode());
        assertTrue(ask.body().contains("true"), ask.body());
    }

    @Test
    void theQueryEndpointAnswersCorsPreflightAndCrossOriginGets() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(URI.create(base + "/conflict/sparql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://notebook.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build();
        HttpResponse<String> p = HTTP.send(preflight, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, p.statusCode());
        assertTrue(p.headers().firstValue("Access-Control-Allow-Origin").isPresent(), p.headers()::toString);
        assertTrue(p.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(p.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase()
                .contains("content-type"));

        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/conflict/sparql?query="
                + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)))
                .header("Origin", "https://notebook.example.org").header("Accept", "application/sparql-results+json")
                .build();
        HttpResponse<String> g = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, g.statusCode());
        String allow = g.headers().firstValue("Access-Control-Allow-Origin").orElse("");
        assertTrue(allow.equals("*") || allow.equals("https://notebook.example.org"), g.headers()::toString);
    }
}
