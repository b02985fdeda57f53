package org.w3id.conflictkg.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.extract.Extraction;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.rdf.GazetteerGraphBuilder;
import org.w3id.conflictkg.rdf.Iris;
import org.w3id.conflictkg.rdf.ReportGraphBuilder;
import org.w3id.conflictkg.report.Report;
import org.w3id.conflictkg.report.ReportReader;

/**
 * Ingests report files into a store: the ontology and gazetteer graphs first (when changed), then each report
 * read, extracted and validated outside any transaction and written in one short transaction of its own.
 */
public final class Ingester {
    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);
    /** The ontology files inside the jar, in load order. */
    static final List<String> ONTOLOGY_FILES = List.of("/ontology/conflict-kg.ttl", "/ontology/alignments.ttl");

    private final KgStore store;
    private final Gazetteer gazetteer;
    private final Extractor extractor;
    private final ReportReader reader;
    private final boolean strict;
    /** Below this many reports a first load goes through transactions: the bulk loader pays off on big loads. */
    static final int BULK_MIN_REPORTS = 5_000;
    /** {@link #BULK_MIN_REPORTS} for help texts. */
    public static final String BULK_MIN_REPORTS_TEXT = "5,000";
    static final int BATCH_REPORTS = 2_000;
    static final long BATCH_QUADS = 200_000;
    private static final long BATCH_NANOS = 1_000_000_000L;
    /**
     * Prepared reports that may wait for the writer: enough for the workers to keep going while a whole batch is
     * written (a prepared report is some 30 KB, so this bounds memory to about 100 MB whatever the corpus size).
     */
    private static final int WINDOW = 3_000;

    private volatile Graph ontology;
    private volatile Shapes shapes;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Mode mode = Mode.AUTO;
    private Progress progress = Progress.none();
    private boolean reportLines = true;
    private int batchReports = BATCH_REPORTS;
    private WriteStats lastWrite;

    /** The outcome of a run: reports written, left as they were (unchanged), and failed. */
    public record Summary(int written, int unchanged, int failed, List<String> errors) {
    }

    public Ingester(KgStore store, Gazetteer gazetteer, Extractor extractor, ReportReader reader, boolean strict) {
        this.store = store;
        this.gazetteer = gazetteer;
        this.extractor = extractor;
        this.reader = reader;
        this.strict = strict;
    }

    /** Loads the ontology and the gazetteer into their named graphs unless the store already has these versions. */
    public void ensureBase() {
        Model onto = ModelFactory.createDefaultModel();
        StringBuilder hashes = new StringBuilder();
        for (String f : ONTOLOGY_FILES) {
            try (InputStream in = Ingester.class.getResourceAsStream(f)) {
                if (in == null) {
                    throw new KgException(f + ": missing from the jar; rebuild it with mvn package");
                }
                byte[] bytes = in.readAllBytes();
                hashes.append(Iris.slug(Integer.toHexString(java.util.Arrays.hashCode(bytes))));
                RDFDataMgr.read(onto, new java.io.ByteArrayInputStream(bytes), Lang.TURTLE);
            } catch (IOException e) {
                throw new KgException(f + ": cannot read (" + e.getMessage() + ")", e);
            }
        }
        ontology = onto.getGraph();
        String ontoHash = hashes.toString();
        if (!ontoHash.equals(store.graphHash(CKG.ONTOLOGY))) {
            store.replaceGraph(CKG.ONTOLOGY, ontology, ontoHash);
            LOG.info("loaded the ontology: {} triples", ontology.size());
        }
        String gazHash = gazetteer.fingerprint();
        if (!gazHash.equals(store.graphHash(CKG.GAZETTEER_GRAPH))) {
            long t0 = System.nanoTime();
            Model g = GazetteerGraphBuilder.build(gazetteer.all());
            store.replaceGraph(CKG.GAZETTEER_GRAPH, g.getGraph(), gazHash);
            LOG.info("loaded the gazetteer: {} places, {} triples ({} ms)", gazetteer.all().size(), g.size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Ingests files and folders (a folder: every .txt below it); a bad file is reported and the rest go in. */
    public Summary ingest(List<Path> paths) {
        if (ontology == null) {
            ensureBase();
        }
        validator();
        List<String> errors = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            collect(p, files, errors);
        }
        boolean bulk = switch (mode) {
            case BULK -> store.holdsOnlyBase();
            case INCREMENTAL -> false;
            case AUTO -> files.size() >= BULK_MIN_REPORTS && store.folder() != null && store.holdsOnlyBase();
        };
        if (mode == Mode.BULK && !bulk) {
            LOG.warn("the store already holds reports or links: ingesting in transactions, not with the bulk loader");
        }
        Run run = new Run(files, errors, bulk);
        run.go();
        return new Summary(run.written, run.unchanged, errors.size(), errors);
    }

    /** How reports are written: in batched transactions, or with TDB2's bulk loader into a store without reports. */
    public enum Mode {
        /** The bulk loader for a first load of many reports into a store without reports; transactions otherwise. */
        AUTO,
        /** Batched write transactions, each report whole or absent after a crash. */
        INCREMENTAL,
        /** TDB2's bulk loader (a store without reports only; otherwise falls back to transactions). */
        BULK
    }

    /** Extraction threads (default: one per core). */
    public Ingester threads(int n) {
        if (n < 1) {
            throw new KgException("--threads must be at least 1, not " + n);
        }
        this.threads = n;
        return this;
    }

    /** The most reports written in one transaction (default 2,000; a transaction is also cut at 200,000 quads or 1 s). */
    public Ingester batch(int reports) {
        if (reports < 1) {
            throw new KgException("--batch must be at least 1, not " + reports);
        }
        this.batchReports = reports;
        return this;
    }

    /** How reports are written (default {@link Mode#AUTO}). */
    public Ingester mode(Mode m) {
        this.mode = m;
        return this;
    }

    /** Where progress goes (default: none). */
    public Ingester progress(Progress p) {
        this.progress = p;
        return this;
    }

    /** Whether each report gets its own "[k/N] file: ..." log line (default true; off under a terminal bar). */
    public Ingester reportLines(boolean on) {
        this.reportLines = on;
        return this;
    }

    /** Figures of the last {@link #ingest} run: quads written and the time spent writing them. */
    public WriteStats lastWrite() {
        return lastWrite;
    }

    /** Quads written, and nanoseconds spent in the write path (transactions or bulk loader), extraction excluded. */
    public record WriteStats(long quads, long writeNanos, long totalNanos, boolean bulk) {
    }

    /** A report read, extracted, validated and hashed by a worker, ready to write; or the reason it is not. */
    private record Prepared(Path file, KgStore.GraphWrite write, int events, int claims, long nanos, String error) {
    }

    /** One ingest run: workers prepare reports in parallel; this thread writes them in file order, in batches. */
    private final class Run {
        private final List<Path> files;
        private final List<String> errors;
        private final boolean bulk;
        private final List<Prepared> batch = new ArrayList<>();
        private long batchQuads;
        private long batchStarted = System.nanoTime();
        private int written;
        private int unchanged;
        private int done;
        private long quads;
        private long writeNanos;
        private BulkLoad loader;
        /** In a bulk load, report IRIs already loaded: a later file with the same IRI is written after it, replacing. */
        private final java.util.Set<String> loaded = new java.util.HashSet<>();
        private final List<Prepared> deferred = new ArrayList<>();

        Run(List<Path> files, List<String> errors, boolean bulk) {
            this.files = files;
            this.errors = errors;
            this.bulk = bulk;
        }

        void go() {
            long t0 = System.nanoTime();
            progress.start(files.size());
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "ingest-worker");
                t.setDaemon(true);
                return t;
            });
            ArrayDeque<Future<Prepared>> window = new ArrayDeque<>();
            int next = 0;
            boolean stop = false;
            try {
                if (bulk) {
                    loader = BulkLoad.start(store);
                    LOG.info("first load of {} reports into a store without reports: TDB2 bulk loader", files.size());
                }
                while (!stop && (next < files.size() || !window.isEmpty())) {
                    while (window.size() < WINDOW && next < files.size()) {
                        Path f = files.get(next++);
                        window.add(pool.submit(() -> prepare(f)));
                    }
                    Prepared p = await(window.poll());
                    if (p.error() != null) {
                        errors.add(p.error());
                        LOG.error("{}", p.error());
                        if (strict) {
                            stop = true;
                        }
                        done++;
                        continue;
                    }
                    add(p);
                }
                flush();
                if (loader != null) {
                    long w0 = System.nanoTime();
                    loader.finish();
                    writeNanos += System.nanoTime() - w0;
                    loader = null;
                    for (Prepared p : deferred) {
                        batch.add(p);
                        batchQuads += p.write().quads();
                        flush();
                    }
                }
            } catch (RuntimeException e) {
                if (loader != null) {
                    loader.abort(e);
                }
                throw e;
            } finally {
                for (Future<Prepared> f : window) {
                    f.cancel(true);
                }
                pool.shutdownNow();
                progress.finish(done);
            }
            lastWrite = new WriteStats(quads, writeNanos, System.nanoTime() - t0, bulk);
        }

        private Prepared await(Future<Prepared> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KgException("ingest interrupted", e);
            } catch (ExecutionException e) {
                throw new KgException("ingest worker failed: " + e.getCause(), e.getCause());
            }
        }

        private void add(Prepared p) {
            if (loader != null) {
                if (!loaded.add(p.write().graphIri())) {
                    deferred.add(p);
                    return;
                }
                long w0 = System.nanoTime();
                loader.add(p.write());
                writeNanos += System.nanoTime() - w0;
                quads += p.write().quads();
                written++;
                done++;
                logWritten(p);
                progress.update(done);
                return;
            }
            batch.add(p);
            batchQuads += p.write().quads();
            if (batch.size() >= batchReports || batchQuads >= BATCH_QUADS
                    || System.nanoTime() - batchStarted >= BATCH_NANOS) {
                flush();
            }
        }

        /** Writes the batch in one transaction; when that fails, each report alone, so one bad report fails alone. */
        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            long w0 = System.nanoTime();
            List<KgStore.GraphWrite> writes = batch.stream().map(Prepared::write).toList();
            boolean[] outcome;
            try {
                outcome = store.writeBatch(writes);
            } catch (RuntimeException e) {
                LOG.warn("a batch of {} reports failed to write ({}); writing them one by one", batch.size(),
                        e.toString());
                outcome = new boolean[batch.size()];
                for (int i = 0; i < batch.size(); i++) {
                    try {
                        outcome[i] = store.writeBatch(List.of(writes.get(i)))[0];
                    } catch (RuntimeException one) {
                        outcome[i] = false;
                        String msg = batch.get(i).file() + ": cannot write to the store (" + one.getMessage() + ")";
                        errors.add(msg);
                        LOG.error("{}", msg);
                        batch.set(i, null);
                    }
                }
            }
            writeNanos += System.nanoTime() - w0;
            for (int i = 0; i < batch.size(); i++) {
                Prepared p = batch.get(i);
                done++;
                if (p == null) {
                    continue;
                }
                if (outcome[i]) {
                    written++;
                    quads += p.write().quads();
                    logWritten(p);
                } else {
                    unchanged++;
                    if (reportLines) {
                        LOG.info("[{}/{}] {}: unchanged", done, files.size(), p.file().getFileName());
                    }
                }
            }
            progress.update(done);
            batch.clear();
            batchQuads = 0;
            batchStarted = System.nanoTime();
        }

        private void logWritten(Prepared p) {
            if (reportLines) {
                LOG.info("[{}/{}] {}: {} triples, {} events, {} claims ({} ms)", done, files.size(),
                        p.file().getFileName(), p.write().triples().size(), p.events(), p.claims(),
                        p.nanos() / 1_000_000);
            }
        }
    }

    /** Reads, extracts, validates and hashes one report; never throws: a failure comes back as its reason. */
    private Prepared prepare(Path file) {
        long t0 = System.nanoTime();
        try {
            Report report = reader.read(file);
            String iri = Iris.report(report);
            Extraction x = extractor.extract(report);
            Model m = ReportGraphBuilder.build(x, gazetteer);
            validate(file, m);
            return new Prepared(file, new KgStore.GraphWrite(iri, m.getGraph().find().toList(), fingerprint(m)), x.events().size(),
                    x.claims().size(), System.nanoTime() - t0, null);
        } catch (KgException e) {
            return new Prepared(file, null, 0, 0, 0, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug, not bad input: name the file so that it can be reported, and go on with the others.
            LOG.debug("{}: unexpected failure", file, e);
            return new Prepared(file, null, 0, 0, 0, file + ": unexpected error while extracting (" + e + ")");
        }
    }

    private void collect(Path p, List<Path> files, List<String> errors) {
        if (!Files.exists(p)) {
            String msg = p + ": no such file or folder";
            errors.add(msg);
            LOG.error("{}", msg);
            return;
        }
        if (!Files.isDirectory(p)) {
            files.add(p);
            return;
        }
        if (!Files.isReadable(p)) {
            String msg = p + ": folder not readable (permission denied)";
            errors.add(msg);
            LOG.error("{}", msg);
            return;
        }
        try (Stream<Path> s = Files.list(p)) {
            List<Path> children = s.sorted().toList();
            for (Path c : children) {
                String name = c.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(c)) {
                    collect(c, files, errors);
                } else if (isReport(name)) {
                    files.add(c);
                }
            }
        } catch (IOException e) {
            String msg = p + ": cannot list folder (" + e.getMessage() + ")";
            errors.add(msg);
            LOG.error("{}", msg);
        }
    }

    static boolean isReport(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".text");
    }

    /** A hash of the graph's sorted N-Triples: IRIs are deterministic and there are no blank nodes. */
    static String fingerprint(Model m) {
        List<String> lines = new ArrayList<>();
        m.getGraph().find().forEach(t -> lines.add(t.toString()));
        java.util.Collections.sort(lines);
        return Iris.sha256(String.join("\n", lines));
    }

    private void validate(Path file, Model m) {
        ValidationReport vr = ShaclValidator.get().validate(validator(), new Union(m.getGraph(), ontology));
        if (!vr.conforms()) {
            ReportEntry first = vr.getEntries().iterator().next();
            throw new KgException(file + ": the extracted graph fails the SHACL shapes (" + vr.getEntries().size()
                    + " violations; first: " + first.focusNode() + " " + first.message() + ")");
        }
    }

    /** The SHACL shapes, parsed once before the workers start. */
    private Shapes validator() {
        if (shapes == null) {
            try (InputStream in = Ingester.class.getResourceAsStream("/ontology/shapes.ttl")) {
                if (in == null) {
                    throw new KgException("/ontology/shapes.ttl: missing from the jar; rebuild it with mvn package");
                }
                Model sm = ModelFactory.createDefaultModel();
                RDFDataMgr.read(sm, in, Lang.TURTLE);
                shapes = Shapes.parse(sm.getGraph());
            } catch (IOException e) {
                throw new KgException("/ontology/shapes.ttl: cannot read (" + e.getMessage() + ")", e);
            }
        }
        return shapes;
    }
}
