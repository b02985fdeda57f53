package org.w3id.conflictkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.report.ReportReader;
import org.w3id.conflictkg.server.KgServer;
import org.w3id.conflictkg.store.Ingester;
import org.w3id.conflictkg.store.KgStore;

/** {@code serve}: embedded Fuseki over the store, with the query page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the store over SPARQL 1.1 with a query page at /.",
            "Endpoint: /conflict/sparql (GET and POST; JSON, XML, CSV, TSV by Accept). Read-only unless "
                + "--allow-update with --password-file."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOption storeOption;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces).")
    String host;

    @Option(names = "--port", defaultValue = "3030", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free).")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "End queries that run longer, with an error (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--max-request-bytes", paramLabel = "BYTES",
            defaultValue = "" + KgServer.DEFAULT_MAX_REQUEST_BYTES,
            description = "Refuse request bodies larger than this with 413 (default: ${DEFAULT-VALUE}; 0 = no limit).")
    long maxRequestBytes;

    @Option(names = "--max-results", paramLabel = "ROWS", defaultValue = "" + KgServer.DEFAULT_MAX_RESULTS,
            description = "Cap query results at this many rows, lowering a larger LIMIT; the response then has a "
                    + "ConflictKG-Result-Limit header (default: ${DEFAULT-VALUE}; 0 = no cap).")
    long maxResults;

    @Option(names = "--allow-update", description = "Add a SPARQL Update endpoint /conflict/update (needs "
            + "--password-file; requests must authenticate with HTTP basic).")
    boolean allowUpdate;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Users allowed to update, as `user: password` lines (Jetty realm format).")
    Path passwordFile;

    @Option(names = "--ingest", paramLabel = "PATH", split = ",",
            description = "Ingest these report files or folders before serving.")
    List<Path> ingest;

    @Option(names = "--base", paramLabel = "URL", description = "Public URL of this server: links on entity pages "
            + "and in the VoID description map https://w3id.org/conflict-kg/ to it (default: http://HOST:PORT/ as "
            + "each request reached it).")
    String base;

    @Mixin
    FederationOptions federation;

    @Option(names = "--queries", paramLabel = "DIR", description = "Folder of saved .rq queries for the query page "
            + "(default: the ones shipped in the jar).")
    Path queries;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (allowUpdate && passwordFile == null) {
            throw new KgException("--allow-update needs --password-file: updates are never open to anyone");
        }
        if (!allowUpdate && passwordFile != null) {
            throw new KgException("--password-file is only used with --allow-update");
        }
        KgStore store = KgStore.open(storeOption.store);
        federation.installOn(store.dataset().getContext());
        int failed = 0;
        if (ingest != null && !ingest.isEmpty()) {
            Gazetteer gazetteer = Gazetteer.forStore(storeOption.store);
            Ingester.Summary s = new Ingester(store, gazetteer, new Extractor(gazetteer), new ReportReader(), false)
                    .ingest(ingest);
            failed = s.failed();
            spec.commandLine().getErr().printf("ingested %d report(s), %d unchanged, %d failed%n",
                    s.written(), s.unchanged(), s.failed());
        }
        KgServer server = KgServer.start(store, new KgServer.Settings(host, port, (long) (timeout * 1000),
                allowUpdate ? passwordFile : null, queries, base, maxRequestBytes, maxResults));
        spec.commandLine().getErr().printf("ConflictKG at http://%s:%d/  (SPARQL endpoint: /conflict/sparql; Ctrl-C to"
                + " stop)%n", host, server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            store.close();
        }));
        server.join();
        return failed == 0 ? 0 : 1;
    }
}
