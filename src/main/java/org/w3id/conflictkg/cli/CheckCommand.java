package org.w3id.conflictkg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.w3id.conflictkg.store.GraphIntegrity;
import org.w3id.conflictkg.store.KgStore;

/** {@code check}: verifies that every report graph in the store is whole, e.g. after a crash. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that every report graph in the store is whole: it has its ckg:Report node and its "
                + "triples match the content hash ingest recorded with them in the same transaction.",
            "Prints one line per report graph that is not whole (partial, or edited by SPARQL Update) and exits 1 "
                + "if there is any; re-ingesting the report's file replaces its graph."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    StoreOption storeOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StoreFolders.requireExisting(storeOption.store);
        GraphIntegrity.Result r;
        try (KgStore store = KgStore.open(storeOption.store)) {
            r = GraphIntegrity.check(store);
        }
        PrintWriter out = spec.commandLine().getOut();
        r.broken().forEach(out::println);
        out.printf("%s: %d report graphs, %d whole, %d not whole%n", storeOption.store, r.reportGraphs(),
                r.reportGraphs() - r.broken().size(), r.broken().size());
        out.flush();
        return r.whole() ? 0 : 1;
    }
}
