package org.w3id.conflictkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.report.ReportReader;
import org.w3id.conflictkg.store.Ingester;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.Progress;

/** {@code ingest}: reads report files and folders into the store, one named graph per report. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest news reports (.txt, with optional NAME.meta.json sidecars) into the store.",
            "Creates the store when missing and loads the ontology and gazetteer. Idempotent: a report ingested "
                + "again replaces its own graph.",
            "A bad file is reported on one line and skipped; the others still go in; the exit code is then 1."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    StoreOption storeOption;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Report files or folders of reports.")
    List<Path> paths;

    @Option(names = "--strict", description = "Stop at the first bad file.")
    boolean strict;

    @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "" + ReportReader.DEFAULT_MAX_BYTES,
            description = "Largest report file accepted (default: ${DEFAULT-VALUE}).")
    long maxSize;

    @Option(names = "--threads", paramLabel = "N", description = "Extraction threads (default: one per core, "
            + "${DEFAULT-VALUE} here).", defaultValue = "${sys:conflictkg.cores}")
    int threads;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "auto",
            description = "How reports are written: auto (the default: TDB2's bulk loader for a first load of "
                + Ingester.BULK_MIN_REPORTS_TEXT + " or more reports into a store without reports, batched "
                + "transactions otherwise), incremental, or bulk.")
    String mode;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "2000",
            description = "The most reports per write transaction (default: ${DEFAULT-VALUE}; a transaction is also "
                + "cut at 200,000 quads or after 1 s). After a crash each transaction is wholly there or absent.")
    int batch;

    @Spec
    CommandSpec spec;

    static {
        System.setProperty("conflictkg.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public Integer call() {
        try (KgStore store = KgStore.open(storeOption.store)) {
            Gazetteer gazetteer = Gazetteer.forStore(storeOption.store);
            Ingester ingester = new Ingester(store, gazetteer, new Extractor(gazetteer), new ReportReader(maxSize),
                    strict);
            Progress progress = Progress.onStandardError("ingest");
            ingester.threads(threads).batch(batch).mode(parseMode(mode)).progress(progress).reportLines(!progress.isTerminal());
            Ingester.Summary s = ingester.ingest(paths);
            Ingester.WriteStats w = ingester.lastWrite();
            double seconds = w.totalNanos() / 1e9;
            spec.commandLine().getErr().printf(java.util.Locale.ROOT,
                    "ingested %d report(s), %d unchanged, %d failed into %s (%.1f s, %.0f reports/s, %,d quads "
                    + "written%s)%n", s.written(), s.unchanged(), s.failed(), storeOption.store, seconds,
                    (s.written() + s.unchanged()) / Math.max(seconds, 1e-9), w.quads(),
                    w.bulk() ? " by the bulk loader" : "");
            return s.failed() == 0 ? 0 : 1;
        }
    }

    static Ingester.Mode parseMode(String text) {
        try {
            return Ingester.Mode.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.w3id.conflictkg.KgException("--mode must be auto, incremental or bulk, not '" + text + "'");
        }
    }
}
