package org.w3id.conflictkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.rdf.Iris;
import org.w3id.conflictkg.report.ReportReader;
import org.w3id.conflictkg.report.SyntheticReports;
import org.w3id.conflictkg.server.KgServer;
import org.w3id.conflictkg.server.SavedQueries;
import org.w3id.conflictkg.store.GraphIntegrity;
import org.w3id.conflictkg.store.Ingester;
import org.w3id.conflictkg.store.KgStore;

/**
 * {@code loadcheck}: concurrent clients on loopback send the saved queries for a fixed time, optionally while an
 * ingest runs into the same store, then the figures (throughput, latency percentiles, errors) and the store's
 * integrity (no report lost, none partial) are printed.
 */
@Command(name = "loadcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load check: N concurrent clients on this machine send a mix of the saved queries and reads of "
                + "single report graphs for a fixed time, and the figures go to standard output.",
            "With --store it opens the store itself, serves it on a free loopback port and, with --ingest or "
                + "--generate, ingests into it at the same time (one process per store: the ingest runs inside); "
                + "at the end every report must be present and whole.",
            "With --url it loads a running server (loopback only). Exit 1 when any request failed or any report "
                + "was lost or partial."})
final class LoadCheckCommand implements Callable<Integer> {
    static final int MAX_CLIENTS = 256;
    static final int MAX_SECONDS = 3600;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--store", paramLabel = "DIR",
                description = "Open this store (created when missing) and serve it on a free loopback port.")
        Path store;

        @Option(names = "--url", paramLabel = "URL",
                description = "The SPARQL endpoint of a running server, e.g. http://127.0.0.1:3030/conflict/sparql.")
        URI url;
    }

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients (1-" + MAX_CLIENTS
            + "; default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", description = "How long the clients run (1-" + MAX_SECONDS
            + "; default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--max-requests", defaultValue = "1000000", paramLabel = "N",
            description = "Stop earlier after this many requests in all (default: ${DEFAULT-VALUE}).")
    long maxRequests;

    @Option(names = "--ingest", paramLabel = "PATH", split = ",",
            description = "With --store: ingest these report files or folders while the clients run.")
    List<Path> ingest;

    @Option(names = "--generate", paramLabel = "N", defaultValue = "0",
            description = "With --store: write N synthetic reports into a temporary folder and ingest them while the "
                    + "clients run (default: ${DEFAULT-VALUE}).")
    int generate;

    @Option(names = "--queries", paramLabel = "DIR",
            description = "Folder of .rq queries to send (default: the saved queries shipped in the jar).")
    Path queries;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "A request not answered in this time counts as an error (default: ${DEFAULT-VALUE}).")
    int requestTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validate();
        List<SavedQueries.Saved> saved = SavedQueries.load(queries);
        if (saved.isEmpty()) {
            throw new KgException((queries != null ? queries : "the jar") + ": no saved .rq queries to send");
        }
        PrintWriter err = spec.commandLine().getErr();
        return target.url != null ? againstUrl(saved, err) : againstStore(saved, err);
    }

    private void validate() {
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new ParameterException(spec.commandLine(), "--clients " + clients + ": must be 1-" + MAX_CLIENTS);
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new ParameterException(spec.commandLine(), "--seconds " + seconds + ": must be 1-" + MAX_SECONDS);
        }
        if (maxRequests < 1 || generate < 0 || requestTimeout < 1) {
            throw new ParameterException(spec.commandLine(), "--max-requests, --generate and --request-timeout must "
                    + "be positive");
        }
        if (target.url != null) {
            if ((ingest != null && !ingest.isEmpty()) || generate > 0) {
                throw new ParameterException(spec.commandLine(), "--ingest and --generate need --store: a running "
                        + "server's store is locked to other processes");
            }
            requireLoopback(target.url);
        }
    }

    /** Refuses any URL whose host is not this machine: the load check must never load someone else's server. */
    void requireLoopback(URI url) {
        String host = url.getHost();
        if (!"http".equals(url.getScheme()) || host == null) {
            throw new ParameterException(spec.commandLine(), "--url " + url
                    + ": not an http URL such as http://127.0.0.1:3030/conflict/sparql");
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    throw new ParameterException(spec.commandLine(), "--url " + url + ": " + host
                            + " is not a loopback address; the load check only targets this machine");
                }
            }
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--url " + url + ": unknown host " + host);
        }
    }

    private int againstUrl(List<SavedQueries.Saved> saved, PrintWriter err) throws InterruptedException {
        LoadClients.Outcome o = runClients(target.url, saved, err, () -> "running");
        print(target.url, o);
        boolean pass = o.errors() == 0 && o.partialGraphReads() == 0;
        spec.commandLine().getOut().println("result        " + (pass ? "PASS" : "FAIL"));
        spec.commandLine().getOut().flush();
        return pass ? 0 : 1;
    }

    private int againstStore(List<SavedQueries.Saved> saved, PrintWriter err) throws Exception {
        Path generated = null;
        try (KgStore store = KgStore.open(target.store)) {
            List<Path> paths = new ArrayList<>();
            if (ingest != null) {
                paths.addAll(ingest);
            }
            if (generate > 0) {
                generated = Files.createTempDirectory("conflictkg-loadcheck-");
                SyntheticReports.write(generated, generate);
                paths.add(generated);
                err.printf("wrote %d synthetic reports to %s%n", generate, generated);
            }
            Gazetteer gazetteer = Gazetteer.forStore(target.store);
            Ingester ingester = new Ingester(store, gazetteer, new Extractor(gazetteer), new ReportReader(), false);
            err.println("loading the ontology and gazetteer when the store lacks them...");
            err.flush();
            ingester.ensureBase();
            KgServer server = KgServer.start(store, new KgServer.Settings("127.0.0.1", 0, 30_000, null, queries));
            try {
                URI url = URI.create(server.sparqlUrl());
                AtomicReference<Ingester.Summary> summary = new AtomicReference<>();
                AtomicReference<Throwable> failure = new AtomicReference<>();
                long[] ingestNanos = new long[2];
                Thread ingestThread = new Thread(() -> {
                    ingestNanos[0] = System.nanoTime();
                    try {
                        summary.set(ingester.ingest(paths));
                    } catch (Throwable t) {
                        failure.set(t);
                    } finally {
                        ingestNanos[1] = System.nanoTime();
                    }
                }, "loadcheck-ingest");
                if (!paths.isEmpty()) {
                    ingestThread.start();
                }
                LoadClients.Outcome o = runClients(url, saved, err,
                        () -> reportCount(store) + " report graphs in the store");
                if (ingestThread.isAlive()) {
                    err.println("the clients are done; waiting for the ingest to finish...");
                    err.flush();
                }
                ingestThread.join();
                if (failure.get() != null) {
                    throw new KgException("the ingest during the load check failed: " + failure.get(), failure.get());
                }
                return verifyAndPrint(store, url, o, paths, summary.get(), ingestNanos);
            } finally {
                server.stop();
            }
        } finally {
            if (generated != null) {
                deleteTree(generated);
            }
        }
    }

    private LoadClients.Outcome runClients(URI url, List<SavedQueries.Saved> saved, PrintWriter err,
                                           Supplier<String> status) throws InterruptedException {
        LoadClients lc = new LoadClients(url, saved, maxRequests, Duration.ofSeconds(requestTimeout));
        if (!lc.skipped().isEmpty()) {
            err.println("left out (they call other endpoints through SERVICE): " + String.join(", ", lc.skipped()));
        }
        err.printf("load check: %d clients for %d s against %s (%d kinds of request)%n", clients, seconds, url,
                lc.mixSize());
        err.flush();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        Thread reporter = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(10_000);
                    err.printf("[%d s] %s%n", (System.nanoTime() - start) / 1_000_000_000L, status.get());
                    err.flush();
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }, "loadcheck-status");
        reporter.setDaemon(true);
        reporter.start();
        try {
            return lc.run(clients, deadline);
        } finally {
            reporter.interrupt();
        }
    }

    private static long reportCount(KgStore store) {
        return store.graphNames().stream().filter(g -> g.startsWith(GraphIntegrity.REPORT_GRAPH_PREFIX)).count();
    }

    private int verifyAndPrint(KgStore store, URI url, LoadClients.Outcome o, List<Path> paths, Ingester.Summary s,
                               long[] ingestNanos) {
        PrintWriter out = spec.commandLine().getOut();
        print(url, o);
        boolean pass = o.errors() == 0 && o.partialGraphReads() == 0;
        if (!paths.isEmpty()) {
            Set<String> expected = expectedReports(paths);
            Set<String> present = new HashSet<>(store.graphNames());
            long lost = expected.stream().filter(g -> !present.contains(g)).count();
            GraphIntegrity.Result integrity = GraphIntegrity.check(store);
            double ingestSeconds = (ingestNanos[1] - ingestNanos[0]) / 1e9;
            out.printf(Locale.ROOT, "ingest        %d report(s) written, %d unchanged, %d failed in %.1f s "
                    + "(%.1f reports/s)%n", s.written(), s.unchanged(), s.failed(), ingestSeconds,
                    (s.written() + s.unchanged()) / Math.max(ingestSeconds, 1e-9));
            out.printf("store         %d report graphs: %d whole, %d partial; %d of %d ingested reports lost%n",
                    integrity.reportGraphs(), integrity.reportGraphs() - integrity.broken().size(),
                    integrity.broken().size(), lost, expected.size());
            integrity.broken().stream().limit(10).forEach(b -> out.println("  partial: " + b));
            pass &= lost == 0 && integrity.whole() && s.failed() == 0;
        }
        out.println("result        " + (pass ? "PASS" : "FAIL"));
        out.flush();
        return pass ? 0 : 1;
    }

    private void print(URI url, LoadClients.Outcome o) {
        PrintWriter out = spec.commandLine().getOut();
        LoadClients.Percentiles all = LoadClients.Percentiles.of(o.samples());
        double secs = o.elapsedNanos() / 1e9;
        out.printf(Locale.ROOT, "load check    %d clients, %.1f s, %s%n", clients, secs, url);
        out.printf(Locale.ROOT, "requests      %d (%.1f/s), errors %d%n", all.count(), all.count() / secs,
                all.errors());
        out.println("latency       " + all.format());
        out.printf("graph reads   %d whole report graphs read while writing went on, %d partial%n",
                o.graphReads() - o.partialGraphReads(), o.partialGraphReads());
        Map<String, List<LoadClients.Sample>> kinds = LoadClients.byKind(o.samples());
        int width = kinds.keySet().stream().mapToInt(String::length).max().orElse(10);
        for (Map.Entry<String, List<LoadClients.Sample>> e : kinds.entrySet()) {
            LoadClients.Percentiles p = LoadClients.Percentiles.of(e.getValue());
            out.printf(Locale.ROOT, "  %-" + width + "s %7d req %4d err  %s%n", e.getKey(), p.count(), p.errors(),
                    p.format());
        }
        o.firstErrors().stream().limit(10).forEach(m -> out.println("  error: " + m));
        out.flush();
    }

    /** The IRIs of the reports the ingest should have stored: every readable report file below the paths. */
    private static Set<String> expectedReports(List<Path> paths) {
        ReportReader reader = new ReportReader();
        Set<String> iris = new HashSet<>();
        for (Path p : paths) {
            try (Stream<Path> s = Files.isDirectory(p) ? Files.walk(p) : Stream.of(p)) {
                s.filter(Files::isRegularFile).filter(LoadCheckCommand::isReportFile).forEach(f -> {
                    try {
                        iris.add(Iris.report(reader.read(f)));
                    } catch (KgException e) {
                        // A bad file: the ingest reported it and counted it as failed.
                    }
                });
            } catch (IOException e) {
                throw new KgException(p + ": cannot list the reports (" + e.getMessage() + ")", e);
            }
        }
        return iris;
    }

    private static boolean isReportFile(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".txt") || n.endsWith(".text"));
    }

    /** Deletes a folder of generated files, leaving behind (in a temporary folder) what cannot be deleted. */
    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind in the temporary folder
                }
            });
        } catch (IOException e) {
            // left behind in the temporary folder
        }
    }
}
