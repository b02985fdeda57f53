package org.w3id.conflictkg.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import org.apache.jena.sparql.util.Context;
import org.w3id.conflictkg.server.FederationPolicy;

/** The SERVICE allow-list options, shared by {@code serve} and {@code query}. */
final class FederationOptions {
    @Option(names = "--federate", paramLabel = "URL",
            description = "Allow SERVICE calls to this SPARQL endpoint (repeatable). Wikidata's query service is "
                    + "allowed by default; every other endpoint is refused unless listed.")
    List<String> federate = new ArrayList<>();

    @Option(names = "--federate-file", paramLabel = "FILE",
            description = "Allow the SPARQL endpoints listed in FILE, one URL per line (# starts a comment).")
    Path federateFile;

    @Option(names = "--no-wikidata", description = "Leave Wikidata's query service off the SERVICE allow-list.")
    boolean noWikidata;

    @Option(names = "--service-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "End a SERVICE call to a remote endpoint after this long (default: ${DEFAULT-VALUE}).")
    double serviceTimeout;

    /** The allow-list these options give: Wikidata (unless left out), then --federate, then the file's entries. */
    List<String> allowList() {
        List<String> out = new ArrayList<>();
        if (!noWikidata) {
            out.add(FederationPolicy.WIKIDATA);
        }
        out.addAll(federate);
        if (federateFile != null) {
            out.addAll(FederationPolicy.readFile(federateFile));
        }
        return out;
    }

    /** Installs the policy on the context queries run with (a store's dataset context). */
    void installOn(Context context) {
        FederationPolicy.install(context, allowList(), Duration.ofMillis((long) (serviceTimeout * 1000)));
    }
}
