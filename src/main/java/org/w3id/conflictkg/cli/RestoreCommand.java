package org.w3id.conflictkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.StoreMaintenance;

/** {@code restore}: loads a {@code backup} file into a new, empty store. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Load a backup (gzip or plain N-Quads) into a new store folder, in one transaction.",
            "The store must be new or empty: restore never merges into existing data."})
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    StoreOption storeOption;

    @Option(names = "--from", required = true, paramLabel = "FILE.nq.gz", description = "The backup to load.")
    Path from;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(from)) {
            throw new KgException(from + ": no such backup file");
        }
        long quads;
        try (KgStore store = KgStore.open(storeOption.store)) {
            quads = StoreMaintenance.restore(store, from);
        }
        spec.commandLine().getErr().printf("restored %d quads from %s into %s%n", quads, from, storeOption.store);
        return 0;
    }
}
