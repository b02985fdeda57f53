package org.w3id.conflictkg.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.jena.graph.Triple;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.w3id.conflictkg.KgException;

/**
 * The figures of {@code bench}: ingest speed on a fresh store, store size, peak heap, saved-query latency, and our
 * write path against TDB2's own loader on the same quads. Each step is a method so the command can run them in turn
 * and print as it goes.
 */
public final class Benchmark {
    private final PrintWriter out;
    private final AtomicLong peakHeap = new AtomicLong();
    private Thread sampler;

    public Benchmark(PrintWriter out) {
        this.out = out;
    }

    /** Latency figures of one saved query over several warm runs. */
    public record QueryFigures(String name, long rows, double medianMs, double p95Ms, String note) {
    }

    /** Times for writing the same quads three ways (nanoseconds). */
    public record WriteFigures(long quads, long batchedNanos, long bulkNanos, long loaderNanos) {
    }

    /** Starts sampling the heap every 20 ms. */
    public void startHeapSampler() {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peakHeap.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The highest heap use sampled since {@link #startHeapSampler}, in bytes (live data and garbage not yet freed). */
    public long peakHeapBytes() {
        return Math.max(peakHeap.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The heap limit of this JVM (-Xmx), in bytes. */
    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Bytes on disk under a folder. */
    public static long sizeOnDisk(Path folder) {
        return StoreMaintenance.size(folder);
    }

    /**
     * Runs a query {@code warmups} times unmeasured, then {@code runs} times measured, consuming every row; a query
     * that takes longer than {@code limitMs} once is not run again (its single time is reported).
     */
    public static QueryFigures timeQuery(KgStore store, String name, Query query, int warmups, int runs,
            long limitMs) {
        Spatial.init();
        long rows = 0;
        double[] ms = new double[runs];
        int done = 0;
        for (int i = 0; i < warmups + runs; i++) {
            long t0 = System.nanoTime();
            try {
                rows = runOnce(store, query, limitMs * 4);
            } catch (org.apache.jena.query.QueryCancelledException e) {
                return new QueryFigures(name, -1, Double.NaN, Double.NaN, "timed out after " + limitMs * 4 + " ms");
            }
            double took = (System.nanoTime() - t0) / 1e6;
            if (i >= warmups) {
                ms[done++] = took;
            }
            if (took > limitMs) {
                // Too slow to repeat: one figure says enough.
                return new QueryFigures(name, rows, took, took, "slow: run once");
            }
        }
        Arrays.sort(ms, 0, done);
        return new QueryFigures(name, rows, percentile(ms, done, 50), percentile(ms, done, 95), "");
    }

    private static long runOnce(KgStore store, Query query, long timeoutMs) {
        return Txn.calculateRead(store.dataset(), () -> {
                try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(query)
                        .timeout(timeoutMs, TimeUnit.MILLISECONDS).build()) {
                    if (query.isSelectType()) {
                        return (long) ResultSetFormatter.consume(qe.execSelect());
                    }
                    if (query.isAskType()) {
                        return qe.execAsk() ? 1L : 0L;
                    }
                    return query.isConstructType() ? qe.execConstruct().size() : qe.execDescribe().size();
                }
            });
    }

    /** Nearest-rank percentile of the first {@code n} sorted values. */
    static double percentile(double[] sorted, int n, int p) {
        if (n == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
    }

    /** Writes the store's quads as N-Quads (graph by graph), returning how many. */
    public static long exportQuads(KgStore store, Path file) {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            return DatasetExporter.write(store, DatasetExporter.Format.NQUADS, os);
        } catch (IOException e) {
            throw new KgException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads an N-Quads file written graph by graph and hands each graph on whole, as the ingester hands on a report;
     * the graph's recorded hash is among its quads already, so no hash is added.
     */
    static void readGraphs(Path file, Consumer<KgStore.GraphWrite> sink) {
        StreamRDF grouper = new StreamRDFBase() {
            private Node current;
            private List<Triple> graph = new ArrayList<>();

            @Override
            public void quad(Quad q) {
                if (current != null && !current.equals(q.getGraph())) {
                    emit();
                }
                current = q.getGraph();
                graph.add(q.asTriple());
            }

            @Override
            public void finish() {
                if (current != null) {
                    emit();
                }
            }

            private void emit() {
                sink.accept(new KgStore.GraphWrite(current.getURI(), graph, null));
                graph = new ArrayList<>();
                current = null;
            }
        };
        RDFParser.source(file).lang(Lang.NQUADS).parse(grouper);
    }

    /** Our transactional write path: the file's graphs written in batches as ingest writes them. */
    public static long writeBatched(Path quads, Path storeDir) {
        long t0 = System.nanoTime();
        try (KgStore store = KgStore.open(storeDir)) {
            List<KgStore.GraphWrite> batch = new ArrayList<>();
            long[] batchQuads = {0};
            readGraphs(quads, w -> {
                batch.add(w);
                batchQuads[0] += w.quads();
                if (batch.size() >= Ingester.BATCH_REPORTS || batchQuads[0] >= Ingester.BATCH_QUADS) {
                    store.writeBatch(batch);
                    batch.clear();
                    batchQuads[0] = 0;
                }
            });
            if (!batch.isEmpty()) {
                store.writeBatch(batch);
            }
        }
        return System.nanoTime() - t0;
    }

    /** Our bulk path: the file's graphs streamed into the bulk loader as a first ingest does. */
    public static long writeBulk(Path quads, Path storeDir) {
        long t0 = System.nanoTime();
        try (KgStore store = KgStore.open(storeDir)) {
            BulkLoad load = BulkLoad.start(store);
            try {
                readGraphs(quads, load::add);
                load.finish();
            } catch (RuntimeException e) {
                load.abort(e);
                throw e;
            }
        }
        return System.nanoTime() - t0;
    }

    /** Jena's own {@code tdb2.tdbloader} (its default, phased loader) on the same file, in this JVM. */
    public static long writeWithTdbLoader(Path quads, Path storeDir) {
        long t0 = System.nanoTime();
        tdb2.tdbloader.main("--loc", storeDir.toString(), quads.toString());
        long took = System.nanoTime() - t0;
        org.apache.jena.tdb2.sys.TDBInternal.expel(org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(
                storeDir.toString()));
        return took;
    }

    /** Copies the first {@code lines} lines of a line-based file (N-Quads). */
    public static void head(Path from, Path to, int lines) {
        try (var in = Files.newBufferedReader(from); var out = Files.newBufferedWriter(to)) {
            String line;
            for (int i = 0; i < lines && (line = in.readLine()) != null; i++) {
                out.write(line);
                out.newLine();
            }
        } catch (IOException e) {
            throw new KgException(to + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** "1,234.5 MB". */
    public static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1048576.0);
    }

    public void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
