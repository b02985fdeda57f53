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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (KgStore store = KgStore.open(storeOption.store)) {
            Gazetteer gazetteer = Gazetteer.forStore(storeOption.store);
            Ingester ingester = new Ingester(store, gazetteer, new Extractor(gazetteer), new ReportReader(maxSize),
                    strict);
            Ingester.Summary s = ingester.ingest(paths);
            spec.commandLine().getErr().printf("ingested %d report(s), %d unchanged, %d failed into %s%n",
                    s.written(), s.unchanged(), s.failed(), storeOption.store);
            return s.failed() == 0 ? 0 : 1;
        }
    }
}
