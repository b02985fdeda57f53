package org.w3id.conflictkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.QueryRunner;

/** {@code query}: runs one SPARQL query against the store and prints the results to standard output. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a SPARQL 1.1 query against the store; results go to standard output.",
            "The default graph is the union of all named graphs."})
final class QueryCommand implements Callable<Integer> {
    @Mixin
    StoreOption storeOption;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json, csv, tsv or xml (default: ${DEFAULT-VALUE}); CONSTRUCT/DESCRIBE write Turtle.")
    String format;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "Cancel the query after this many seconds (default: no limit).")
    double timeout;

    @Mixin
    FederationOptions federation;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--file", paramLabel = "Q.rq", description = "Read the query from a file.")
        Path file;

        @Parameters(paramLabel = "SPARQL", description = "The query text.")
        String text;
    }

    /** Where results go; tests replace it. */
    OutputStream out = System.out;

    @Override
    public Integer call() {
        QueryRunner.Format fmt = QueryRunner.Format.parse(format);
        String sparql;
        String name;
        if (source.file != null) {
            name = source.file.toString();
            try {
                sparql = Files.readString(source.file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new KgException(name + ": cannot read the query file (" + e.getMessage() + ")");
            }
        } else {
            name = "query";
            sparql = source.text;
        }
        Query q = QueryRunner.parse(sparql, name);
        if (!Files.isDirectory(storeOption.store)) {
            throw new KgException(storeOption.store + ": no store here; create one with ingest");
        }
        try (KgStore store = KgStore.open(storeOption.store)) {
            federation.installOn(store.dataset().getContext());
            PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
            try {
                QueryRunner.run(store, q, fmt, ps, (long) (timeout * 1000));
            } catch (QueryDeniedException e) {
                throw new KgException(name + ": " + e.getMessage());
            }
            ps.flush();
        }
        return 0;
    }
}
