package org.w3id.conflictkg.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.rdf.CKG;

/**
 * Links the store's places to Wikidata items through their GeoNames id (Wikidata property P1566): asks a SPARQL
 * endpoint in batches and stores {@code ?place owl:sameAs ?item} in the named graph {@value #LINKS_GRAPH}.
 *
 * <p>One write transaction per batch, and places already linked are not asked again, so an interrupted run resumes
 * where it stopped. Polite to the public endpoint: at most the configured requests per second (retries included), a
 * User-Agent naming the project, a time limit on every request, and retries with growing pauses on 429 and 5xx
 * answers (honouring Retry-After). A GeoNames id that two or more items carry is left unlinked: owl:sameAs to two
 * items would claim they are one.
 */
public final class WikidataLinker {
    private static final Logger LOG = LoggerFactory.getLogger(WikidataLinker.class);
    /** Wikidata's public SPARQL endpoint, the default. */
    public static final String DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql";
    /** The named graph holding the links. */
    public static final String LINKS_GRAPH = CKG.ID + "graph/wikidata-links";
    /** Wikidata's data is CC0; the links graph says so. */
    static final String CC0 = "https://creativecommons.org/publicdomain/zero/1.0/";
    /** Wikimedia asks bots for a User-Agent naming the tool and a way to reach its operator. */
    static final String USER_AGENT = "ConflictKG/0.1 (https://w3id.org/conflict-kg/; contact: CONTACT_URL) "
            + "java.net.http";
    private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    /**
     * How to ask: the endpoint, GeoNames ids per request, the most requests per second, the time limit of one
     * request, how often to retry a failed request, and the first pause before a retry (doubled each time).
     */
    public record Settings(URI endpoint, int batchSize, double requestsPerSecond, Duration timeout, int retries,
                           Duration backoff) {
        public Settings {
            if (endpoint == null || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
                throw new IllegalArgumentException("endpoint " + endpoint + ": not an http(s) URL");
            }
            if (batchSize < 1 || batchSize > 500) {
                throw new IllegalArgumentException("batch size " + batchSize + ": must be 1 to 500");
            }
            if (!(requestsPerSecond > 0) || requestsPerSecond > 50) {
                throw new IllegalArgumentException("rate " + requestsPerSecond + ": must be above 0 and at most 50");
            }
            if (timeout.isNegative() || timeout.isZero() || retries < 0 || backoff.isNegative()) {
                throw new IllegalArgumentException("timeout, retries and backoff must be positive");
            }
        }

        /** The defaults for Wikidata's endpoint: batches of 50, 2 requests a second, 60 s, 4 retries from 2 s. */
        public static Settings defaults(URI endpoint) {
            return new Settings(endpoint, 50, 2, Duration.ofSeconds(60), 4, Duration.ofSeconds(2));
        }
    }

    /** Where a run is: places asked so far of all to ask, and links stored so far. */
    public record Progress(int done, int total, int linked) {
    }

    /**
     * The outcome: places that had no link yet, links stored, places Wikidata has no item for, places left out
     * because several items carry their GeoNames id, and HTTP requests made (retries included).
     */
    public record Summary(int candidates, int linked, int notFound, int ambiguous, int requests) {
    }

    private final Settings settings;
    private final HttpClient http;
    private final long intervalNanos;
    private long lastRequest;
    private int requests;

    public WikidataLinker(Settings settings) {
        this.settings = settings;
        this.intervalNanos = (long) (1_000_000_000L / settings.requestsPerSecond());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Links every place of the store that has a GeoNames id and no link yet; reports progress after each batch. */
    public Summary link(KgStore store, Consumer<Progress> progress) {
        Map<String, List<Node>> byGeonamesId = unlinked(store);
        List<String> ids = new ArrayList<>(byGeonamesId.keySet());
        int places = byGeonamesId.values().stream().mapToInt(List::size).sum();
        LOG.info("{} places with a GeoNames id and no Wikidata link; asking {} in batches of {}", places,
                settings.endpoint(), settings.batchSize());
        int linked = 0;
        int notFound = 0;
        int ambiguous = 0;
        int done = 0;
        for (int from = 0; from < ids.size(); from += settings.batchSize()) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + settings.batchSize()));
            Map<String, List<String>> items = ask(batch);
            Map<Node, Node> links = new LinkedHashMap<>();
            for (String id : batch) {
                List<String> found = items.getOrDefault(id, List.of());
                int n = byGeonamesId.get(id).size();
                if (found.isEmpty()) {
                    notFound += n;
                } else if (found.size() > 1) {
                    ambiguous += n;
                    LOG.debug("GeoNames id {}: {} Wikidata items ({}), left unlinked", id, found.size(), found);
                } else {
                    for (Node place : byGeonamesId.get(id)) {
                        links.put(place, NodeFactory.createURI(found.get(0)));
                    }
                }
                done += n;
            }
            store(store, links);
            linked += links.size();
            progress.accept(new Progress(done, places, linked));
        }
        LOG.info("{} links stored, {} places without item, {} ambiguous, {} requests", linked, notFound, ambiguous,
                requests);
        return new Summary(places, linked, notFound, ambiguous, requests);
    }

    /** The places with a GeoNames id and no link in the links graph, by GeoNames id. */
    private static Map<String, List<Node>> unlinked(KgStore store) {
        String q = "PREFIX ckg: <" + CKG.NS + ">\nPREFIX owl: <" + OWL.getURI() + ">\n"
                + "SELECT DISTINCT ?place ?gn WHERE { ?place ckg:geonamesId ?gn .\n"
                + "  FILTER NOT EXISTS { GRAPH <" + LINKS_GRAPH + "> { ?place owl:sameAs ?item } } }\n"
                + "ORDER BY STRLEN(STR(?gn)) STR(?gn) STR(?place)";
        return Txn.calculateRead(store.dataset(), () -> {
            Map<String, List<Node>> out = new LinkedHashMap<>();
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution row = rs.next();
                    RDFNode gn = row.get("gn");
                    String id = gn.isLiteral() ? gn.asLiteral().getLexicalForm() : "";
                    // Only digits go into the query text: a GeoNames id is a number.
                    if (DIGITS.matcher(id).matches() && row.get("place").isURIResource()) {
                        out.computeIfAbsent(id, k -> new ArrayList<>())
                                .add(NodeFactory.createURI(row.getResource("place").getURI()));
                    }
                }
            }
            return out;
        });
    }

    /** The SPARQL query for a batch of GeoNames ids. */
    static String query(List<String> ids) {
        StringBuilder values = new StringBuilder();
        for (String id : ids) {
            values.append(" \"").append(id).append('"');
        }
        return "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
                + "SELECT ?item ?gn WHERE { VALUES ?gn {" + values + " } ?item wdt:P1566 ?gn }";
    }

    /** The items the endpoint gives for each GeoNames id of the batch. */
    private Map<String, List<String>> ask(List<String> ids) {
        String body = fetch(query(ids));
        ResultSet rs;
        try {
            rs = ResultSetMgr.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                    ResultSetLang.RS_JSON);
        } catch (RuntimeException e) {
            throw new KgException(settings.endpoint() + ": the answer is not SPARQL JSON results (" + oneLine(e) + ")",
                    e);
        }
        Map<String, List<String>> out = new HashMap<>();
        while (rs.hasNext()) {
            QuerySolution row = rs.next();
            RDFNode item = row.get("item");
            RDFNode gn = row.get("gn");
            if (item != null && item.isURIResource() && gn != null && gn.isLiteral()) {
                List<String> list = out.computeIfAbsent(gn.asLiteral().getLexicalForm(), k -> new ArrayList<>());
                if (!list.contains(item.asResource().getURI())) {
                    list.add(item.asResource().getURI());
                }
            }
        }
        return out;
    }

    /** GETs the query's JSON results, pacing and retrying as the class Javadoc says. */
    private String fetch(String sparql) {
        URI uri = URI.create(settings.endpoint() + (settings.endpoint().getQuery() == null ? "?" : "&") + "query="
                + URLEncoder.encode(sparql, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Accept", "application/sparql-results+json")
                .header("User-Agent", USER_AGENT)
                .GET().build();
        String problem = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            Duration pause = settings.backoff().multipliedBy(1L << Math.min(attempt, 10));
            try {
                pace();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return response.body();
                }
                problem = "HTTP " + status;
                if (!RETRIED.contains(status)) {
                    throw new KgException(settings.endpoint() + ": " + problem + " (" + firstLine(response.body())
                            + ")");
                }
                Duration retryAfter = retryAfter(response);
                if (retryAfter.compareTo(pause) > 0) {
                    pause = retryAfter;
                }
            } catch (HttpTimeoutException e) {
                problem = "no answer within " + settings.timeout().toMillis() + " ms";
            } catch (IOException e) {
                problem = "cannot connect (" + oneLine(e) + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KgException(settings.endpoint() + ": interrupted; links found so far are stored", e);
            }
            if (attempt < settings.retries()) {
                LOG.warn("{}: {}; retry {} of {} in {} ms", settings.endpoint(), problem, attempt + 1,
                        settings.retries(), pause.toMillis());
                sleep(pause);
            }
        }
        throw new KgException(settings.endpoint() + ": " + problem + " after " + (settings.retries() + 1)
                + " attempts; links found so far are stored, run again to resume");
    }

    /** Waits until a request may go out without exceeding the rate, and notes it. */
    private void pace() throws InterruptedException {
        long now = System.nanoTime();
        if (requests > 0) {
            long wait = lastRequest + intervalNanos - now;
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                now = System.nanoTime();
            }
        }
        lastRequest = now;
        requests++;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KgException(settings.endpoint() + ": interrupted; links found so far are stored", e);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        String v = response.headers().firstValue("Retry-After").orElse("");
        if (DIGITS.matcher(v.strip()).matches() && v.strip().length() < 6) {
            Duration d = Duration.ofSeconds(Long.parseLong(v.strip()));
            return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
        }
        return Duration.ZERO;
    }

    /** Adds one batch of links in one write transaction, with the graph's source and licence. */
    private void store(KgStore store, Map<Node, Node> links) {
        if (links.isEmpty()) {
            return;
        }
        Node g = NodeFactory.createURI(LINKS_GRAPH);
        Node sameAs = OWL.sameAs.asNode();
        Txn.executeWrite(store.dataset(), () -> {
            DatasetGraph dsg = store.datasetGraph();
            links.forEach((place, item) -> dsg.add(g, place, sameAs, item));
            dsg.add(g, g, DCTerms.source.asNode(), NodeFactory.createURI(settings.endpoint().toString()));
            dsg.add(g, g, DCTerms.license.asNode(), NodeFactory.createURI(CC0));
        });
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return m.replaceAll("\\s+", " ").strip();
    }
}
