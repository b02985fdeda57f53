package org.w3id.conflictkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.report.ReportReader;
import org.w3id.conflictkg.report.SynthCorpus;
import org.w3id.conflictkg.server.SavedQueries;
import org.w3id.conflictkg.store.Benchmark;
import org.w3id.conflictkg.store.Ingester;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.Progress;
import org.w3id.conflictkg.store.QueryRunner;

/** {@code bench}: generates N reports, ingests them into a fresh store, times the saved queries and the write path. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark on a fresh store: generate N synthetic reports, ingest them, run every saved query "
            + "warm several times, and load the same quads with our write path and with Jena's tdb2.tdbloader.",
            "Prints reports/s and triples/s for ingest, store size on disk, peak heap, per-query median and p95, "
                + "and the write-path times side by side. Working files go to --work (deleted afterwards unless "
                + "--keep)."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--reports", paramLabel = "N", defaultValue = "10000",
            description = "Reports to generate and ingest (default: ${DEFAULT-VALUE}).")
    int reports;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Generator seed (default: 1).")
    long seed;

    @Option(names = "--work", paramLabel = "DIR", description = "Working folder (default: a new temporary folder).")
    Path work;

    @Option(names = "--keep", description = "Keep the working folder (reports, stores, quads) afterwards.")
    boolean keep;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "10",
            description = "Measured runs per query, after the warm-up runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmups", paramLabel = "W", defaultValue = "10",
            description = "Unmeasured runs per query first, so that each is timed warm: compiled by the JIT, its "
                    + "index pages cached (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Extraction threads (default: one per core).")
    int threads;

    @Option(names = "--queries", paramLabel = "DIR",
            description = "A folder of .rq files to time instead of the saved queries in the jar.")
    Path queries;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Time the saved queries on this existing store only (no generation, ingest or loader).")
    Path existingStore;

    @Option(names = "--skip-queries", description = "Skip timing the saved queries.")
    boolean skipQueries;

    @Option(names = "--skip-loader", description = "Skip the write-path comparison with tdb2.tdbloader.")
    boolean skipLoader;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (runs < 1 || warmups < 0) {
            throw new KgException("--runs must be at least 1 and --warmups at least 0, not " + runs + " and " + warmups);
        }
        if (reports < 1) {
            throw new KgException("--reports must be at least 1, not " + reports);
        }
        PrintWriter out = spec.commandLine().getOut();
        Benchmark b = new Benchmark(out);
        b.startHeapSampler();
        if (existingStore != null) {
            if (!java.nio.file.Files.isDirectory(existingStore)) {
                throw new KgException(existingStore + ": no such store folder");
            }
            b.line("ConflictKG bench: saved queries on %s, max heap %s", existingStore,
                    Benchmark.mb(Benchmark.maxHeapBytes()));
            timeQueries(b, existingStore);
            b.line("%-22s %s", "peak heap", Benchmark.mb(b.peakHeapBytes()));
            return 0;
        }
        Path dir = work != null ? work : Files.createTempDirectory("conflictkg-bench-");
        Path reportDir = dir.resolve("reports");
        Path storeDir = dir.resolve("store");
        if (Files.exists(storeDir) || Files.exists(reportDir)) {
            throw new KgException(dir + ": holds reports/ or store/ from an earlier run; give an empty --work folder");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        b.line("ConflictKG bench: %,d reports, seed %d, %d cores, max heap %s, work folder %s", reports, seed, cores,
                Benchmark.mb(Benchmark.maxHeapBytes()), dir);

        long t0 = System.nanoTime();
        Gazetteer gazetteer = Gazetteer.loadBundled();
        Progress generating = Progress.onStandardError("generate");
        generating.start(reports);
        int written = new SynthCorpus(gazetteer, seed).write(reportDir, reports, k -> {
            synchronized (generating) {
                generating.update(k);
            }
        }).reports();
        generating.finish(written);
        b.line("%-22s %,d reports in %.1f s", "generate", written, secs(System.nanoTime() - t0));

        Ingester.Summary summary;
        Ingester.WriteStats w;
        try (KgStore store = KgStore.open(storeDir)) {
            Ingester ingester = new Ingester(store, gazetteer, new Extractor(gazetteer), new ReportReader(), false)
                    .threads(threads > 0 ? threads : cores).progress(Progress.onStandardError("ingest"))
                    .reportLines(false);
            // The ontology and gazetteer go in first, outside the clock: they are the same for every N.
            ingester.ensureBase();
            summary = ingester.ingest(List.of(reportDir));
            w = ingester.lastWrite();
        }
        double ingestSecs = secs(w.totalNanos());
        long reportQuads = w.quads();
        b.line("%-22s %,d reports in %.1f s: %,.0f reports/s, %,.0f triples/s (%,d quads, %s; %d failed)", "ingest",
                summary.written(), ingestSecs, summary.written() / ingestSecs, reportQuads / ingestSecs, reportQuads,
                w.bulk() ? "bulk loader" : "batched transactions", summary.failed());
        b.line("%-22s %.1f s of it writing (extraction on %d threads overlaps it)", "", secs(w.writeNanos()),
                threads > 0 ? threads : cores);
        b.line("%-22s %s", "store size on disk", Benchmark.mb(Benchmark.sizeOnDisk(storeDir)));
        b.line("%-22s %s (after ingest)", "peak heap", Benchmark.mb(b.peakHeapBytes()));

        if (!skipQueries) {
            timeQueries(b, storeDir);
        }
        if (!skipLoader) {
            compareWritePaths(b, dir, storeDir);
        }
        b.line("%-22s %s (whole run)", "peak heap", Benchmark.mb(b.peakHeapBytes()));
        if (!keep) {
            LoadCheckCommand.deleteTree(dir);
        }
        return summary.failed() == 0 ? 0 : 1;
    }

    private void timeQueries(Benchmark b, Path storeDir) {
        List<SavedQueries.Saved> saved = SavedQueries.load(queries);
        b.line("");
        b.line("%-44s %10s %11s %11s", "saved query (" + warmups + " warm-up + " + runs + " runs)", "rows", "median ms", "p95 ms");
        try (KgStore store = KgStore.open(storeDir)) {
            for (SavedQueries.Saved s : saved) {
                if (s.query().contains("SERVICE")) {
                    b.line("%-44s %10s %11s %11s  (federated: needs the remote endpoint; not timed)", s.name(), "-",
                            "-", "-");
                    continue;
                }
                Benchmark.QueryFigures f = Benchmark.timeQuery(store, s.name(), QueryRunner.parse(s.query(), s.name()),
                        warmups, runs, 10_000);
                b.line("%-44s %,10d %11.1f %11.1f  %s", s.name(), f.rows(), f.medianMs(), f.p95Ms(), f.note());
            }
        }
        b.line("");
    }

    private void compareWritePaths(Benchmark b, Path dir, Path storeDir) {
        Path quads = dir.resolve("quads.nq");
        long n;
        try (KgStore store = KgStore.open(storeDir)) {
            n = Benchmark.exportQuads(store, quads);
        }
        b.line("write path: the same %,d quads (reports, ontology, gazetteer) into an empty store, parsing included",
                n);
        // Warm up all three on a slice first, so that none pays for class loading and JIT compilation alone.
        Path slice = dir.resolve("warmup.nq");
        Benchmark.head(quads, slice, 100_000);
        Benchmark.writeWithTdbLoader(slice, dir.resolve("warmup-tdbloader"));
        Benchmark.writeBulk(slice, dir.resolve("warmup-bulk"));
        Benchmark.writeBatched(slice, dir.resolve("warmup-batched"));
        long loader = Benchmark.writeWithTdbLoader(quads, dir.resolve("store-tdbloader"));
        long bulk = Benchmark.writeBulk(quads, dir.resolve("store-bulk"));
        long batched = Benchmark.writeBatched(quads, dir.resolve("store-batched"));
        b.line("  %-38s %8.1f s %,12.0f quads/s", "tdb2.tdbloader (phased, Jena's own)", secs(loader),
                n / secs(loader));
        b.line("  %-38s %8.1f s %,12.0f quads/s  %.2fx the loader's speed", "ours: bulk path (first load)",
                secs(bulk), n / secs(bulk), (double) loader / bulk);
        b.line("  %-38s %8.1f s %,12.0f quads/s  %.2fx the loader's speed", "ours: batched transactions", secs(batched),
                n / secs(batched), (double) loader / batched);
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }
}
