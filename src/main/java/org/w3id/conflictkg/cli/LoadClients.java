package org.w3id.conflictkg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.w3id.conflictkg.server.SavedQueries;
import org.w3id.conflictkg.store.GraphIntegrity;

/**
 * Concurrent HTTP clients for the load check: each sends a mix of the saved queries, a listing of the report graphs
 * and reads of single report graphs (checked to be whole) until a deadline or a request budget, timing every one.
 */
final class LoadClients {
    static final String LIST_REPORTS = "(list report graphs)";
    static final String READ_GRAPH = "(read a report graph)";
    private static final String LIST_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a "
            + "<https://w3id.org/conflict-kg/ontology#Report> } }";

    /** One kind of request: a saved query, the report listing, or a graph read. */
    private record Kind(String name, String sparql, String accept) {
    }

    /** One timed request. */
    record Sample(String kind, long nanos, boolean ok) {
    }

    /** What the clients did. */
    record Outcome(List<Sample> samples, long elapsedNanos, long graphReads, long partialGraphReads,
                   List<String> firstErrors) {
        long errors() {
            return samples.stream().filter(s -> !s.ok()).count();
        }
    }

    private final URI sparql;
    private final URI graphStore;
    private final List<Kind> mix = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final HttpClient http;
    private final Duration requestTimeout;
    private volatile List<String> reportGraphs = List.of();
    private final AtomicLong budget;
    private final AtomicLong graphReads = new AtomicLong();
    private final AtomicLong partialReads = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    /** Clients for the SPARQL endpoint {@code sparql} (…/conflict/sparql); graph reads go to …/conflict/get. */
    LoadClients(URI sparql, List<SavedQueries.Saved> saved, long maxRequests, Duration requestTimeout) {
        this.sparql = sparql;
        String s = sparql.toString();
        this.graphStore = URI.create(s.substring(0, s.lastIndexOf('/')) + "/get");
        for (SavedQueries.Saved q : saved) {
            Query parsed = QueryFactory.create(q.query(), Syntax.syntaxARQ);
            if (callsOut(parsed)) {
                // The load stays on this machine: no load on Wikidata or any other endpoint.
                skipped.add(q.name());
                continue;
            }
            String accept = parsed.isSelectType() || parsed.isAskType() ? "application/sparql-results+json"
                    : "application/n-triples";
            mix.add(new Kind(q.name(), q.query(), accept));
        }
        mix.add(new Kind(LIST_REPORTS, LIST_QUERY, "application/sparql-results+json"));
        mix.add(new Kind(READ_GRAPH, null, "application/n-triples"));
        mix.add(new Kind(READ_GRAPH, null, "application/n-triples"));
        this.budget = new AtomicLong(maxRequests);
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    int mixSize() {
        return mix.size();
    }

    /** The saved queries left out of the mix because they call other endpoints (SERVICE). */
    List<String> skipped() {
        return skipped;
    }

    private static boolean callsOut(Query q) {
        if (q.getQueryPattern() == null) {
            return false;
        }
        boolean[] service = {false};
        ElementWalker.walk(q.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementService el) {
                service[0] = true;
            }
        });
        return service[0];
    }

    /** Runs {@code clients} threads until {@code deadlineNanos} (System.nanoTime) or the request budget is spent. */
    Outcome run(int clients, long deadlineNanos) throws InterruptedException {
        try {
            listReports();
        } catch (IOException e) {
            note(LIST_REPORTS + ": " + e);
        }
        List<List<Sample>> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            List<Sample> mine = new ArrayList<>();
            perClient.add(mine);
            int offset = c;
            Thread t = new Thread(() -> loop(offset, deadlineNanos, mine), "loadcheck-client-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - t0;
        List<Sample> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        return new Outcome(all, elapsed, graphReads.get(), partialReads.get(), new ArrayList<>(errors));
    }

    private void loop(int offset, long deadlineNanos, List<Sample> out) {
        int i = offset;
        while (System.nanoTime() < deadlineNanos && budget.getAndDecrement() > 0) {
            Kind k = mix.get(i++ % mix.size());
            long t = System.nanoTime();
            boolean ok;
            try {
                ok = send(k);
            } catch (IOException e) {
                ok = false;
                note(k.name() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            out.add(new Sample(k.name(), System.nanoTime() - t, ok));
        }
    }

    private boolean send(Kind k) throws IOException, InterruptedException {
        if (k.name().equals(READ_GRAPH)) {
            return readGraph();
        }
        HttpRequest req = HttpRequest.newBuilder(sparql).timeout(requestTimeout)
                .header("Content-Type", "application/sparql-query").header("Accept", k.accept())
                .POST(HttpRequest.BodyPublishers.ofString(k.sparql(), StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            note(k.name() + ": HTTP " + r.statusCode() + " " + firstLine(r.body()));
            return false;
        }
        if (k.name().equals(LIST_REPORTS)) {
            reportGraphs = graphNames(r.body());
        }
        return true;
    }

    /** Reads one report graph whole over the graph store protocol and checks it against its recorded hash. */
    private boolean readGraph() throws IOException, InterruptedException {
        List<String> names = reportGraphs;
        if (names.isEmpty()) {
            return listReports();
        }
        String g = names.get(ThreadLocalRandom.current().nextInt(names.size()));
        URI u = URI.create(graphStore + "?graph=" + URLEncoder.encode(g, StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(u).timeout(requestTimeout).header("Accept", "application/n-triples")
                .GET().build();
        HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            if (r.statusCode() != 200) {
                note(READ_GRAPH + ": HTTP " + r.statusCode() + " for " + g + " " + firstLine(body.readNBytes(200)));
                return false;
            }
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.source(body).lang(Lang.NTRIPLES).parse(graph);
            graphReads.incrementAndGet();
            if (!GraphIntegrity.isWhole(g, graph)) {
                partialReads.incrementAndGet();
                note(READ_GRAPH + ": " + g + " was served partial (" + graph.size() + " triples)");
                return false;
            }
            return true;
        }
    }

    private boolean listReports() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(sparql).timeout(requestTimeout)
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(LIST_QUERY, StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            note(LIST_REPORTS + ": HTTP " + r.statusCode() + " " + firstLine(r.body()));
            return false;
        }
        reportGraphs = graphNames(r.body());
        return true;
    }

    private static List<String> graphNames(byte[] json) {
        JsonArray rows = JSON.parse(new String(json, StandardCharsets.UTF_8)).get("results").getAsObject()
                .get("bindings").getAsArray();
        List<String> out = new ArrayList<>();
        rows.forEach(v -> out.add(v.getAsObject().get("g").getAsObject().get("value").getAsString().value()));
        return out;
    }

    private void note(String message) {
        if (errors.size() < 20) {
            errors.add(message);
        }
    }

    private static String firstLine(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8).strip();
        int nl = s.indexOf('\n');
        s = nl >= 0 ? s.substring(0, nl) : s;
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    /** Latency percentiles in milliseconds of the samples (nearest rank). */
    record Percentiles(long count, long errors, double p50, double p95, double p99, double max) {
        static Percentiles of(List<Sample> samples) {
            long[] ns = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
            long errs = samples.stream().filter(s -> !s.ok()).count();
            return new Percentiles(ns.length, errs, rank(ns, 0.50), rank(ns, 0.95), rank(ns, 0.99),
                    ns.length == 0 ? 0 : ns[ns.length - 1] / 1e6);
        }

        private static double rank(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }

        String format() {
            return String.format(Locale.ROOT, "p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms", p50, p95, p99, max);
        }
    }

    /** Samples grouped by kind of request, in name order. */
    static Map<String, List<Sample>> byKind(List<Sample> samples) {
        Map<String, List<Sample>> m = new TreeMap<>();
        for (Sample s : samples) {
            m.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
        }
        return m;
    }
}
