package org.w3id.conflictkg.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.store.DatasetExporter;
import org.w3id.conflictkg.store.KgStore;

/** {@code export}: writes the whole store, with its named graphs, as N-Quads or TriG. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the whole store (every named graph: reports, ontology, gazetteer) as N-Quads or TriG.",
            "The file is written beside --out and moved into place when complete; a name ending .gz is gzipped. "
                + "Without --out the dump goes to standard output."})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOption storeOption;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "nquads",
            description = "nquads or trig (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (FILE.gz: gzip-compressed).")
    Path outFile;

    @Spec
    CommandSpec spec;

    /** Where the dump goes without --out; tests replace it. */
    OutputStream out = System.out;

    @Override
    public Integer call() {
        DatasetExporter.Format fmt = DatasetExporter.Format.parse(format);
        if (!Files.isDirectory(storeOption.store)) {
            throw new KgException(storeOption.store + ": no store here; create one with ingest");
        }
        try (KgStore store = KgStore.open(storeOption.store)) {
            long n;
            if (outFile == null) {
                n = DatasetExporter.write(store, fmt, out);
            } else {
                try (AtomicOutput o = AtomicOutput.open(outFile)) {
                    n = DatasetExporter.write(store, fmt, o.stream());
                    o.commit();
                }
            }
            spec.commandLine().getErr().printf("exported %d quads from %s%s%n", n, storeOption.store,
                    outFile == null ? "" : " to " + outFile);
        }
        return 0;
    }
}
