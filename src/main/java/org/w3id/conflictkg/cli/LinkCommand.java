package org.w3id.conflictkg.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.WikidataLinker;

/** {@code link}: links the store's places to other datasets; {@code link wikidata} to Wikidata items. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Link the store's places to other datasets.",
        subcommands = {LinkCommand.Wikidata.class})
final class LinkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Run without a dataset to link to: show which there are; nothing was done, so a usage error.
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code link wikidata}: owl:sameAs from places to the Wikidata items that carry their GeoNames id. */
    @Command(name = "wikidata", mixinStandardHelpOptions = true,
            description = {"Link places with a GeoNames id to the Wikidata items that carry it (property P1566), as "
                    + "owl:sameAs in the graph " + WikidataLinker.LINKS_GRAPH + ".",
                "Batched and resumable: one transaction per batch, linked places are not asked again. Polite: at "
                    + "most --rate requests a second, a User-Agent, retries with pauses on 429 and 5xx."})
    static final class Wikidata implements Callable<Integer> {
        private static final int BAR_WIDTH = 30;

        @Mixin
        StoreOption storeOption;

        @Option(names = "--endpoint", paramLabel = "URL", defaultValue = WikidataLinker.DEFAULT_ENDPOINT,
                description = "SPARQL endpoint (default: ${DEFAULT-VALUE}).")
        URI endpoint;

        @Option(names = "--batch", paramLabel = "N", defaultValue = "50",
                description = "GeoNames ids per request, 1 to 500 (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "2",
                description = "At most this many requests a second (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
                description = "Give up on a request after this long, then retry (default: ${DEFAULT-VALUE}).")
        double timeout;

        @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
                description = "Retries of a failed request, pausing 2 s, 4 s, 8 s... (default: ${DEFAULT-VALUE}).")
        int retries;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            WikidataLinker.Settings settings;
            try {
                settings = new WikidataLinker.Settings(endpoint, batch, rate,
                        Duration.ofMillis((long) (timeout * 1000)), retries, Duration.ofSeconds(2));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!Files.isDirectory(storeOption.store)) {
                throw new KgException(storeOption.store + ": no store here; create one with ingest");
            }
            PrintWriter err = spec.commandLine().getErr();
            // On a terminal the bar redraws in place; in a log each batch gets its own line.
            boolean redraw = System.console() != null;
            try (KgStore store = KgStore.open(storeOption.store)) {
                WikidataLinker.Summary s = new WikidataLinker(settings).link(store, p -> {
                    err.print((redraw ? "\r" : "") + bar(p) + (redraw ? "" : System.lineSeparator()));
                    err.flush();
                });
                if (redraw && s.candidates() > 0) {
                    err.println();
                }
                err.printf("linked %d of %d places to Wikidata (%d without item, %d with several items, left "
                                + "unlinked) in %d requests to %s%n", s.linked(), s.candidates(), s.notFound(),
                        s.ambiguous(), s.requests(), endpoint);
            }
            return 0;
        }

        static String bar(WikidataLinker.Progress p) {
            int filled = p.total() == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * p.done() / p.total());
            return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + p.done() + "/" + p.total()
                    + " places, " + p.linked() + " linked";
        }
    }
}
