package org.w3id.conflictkg.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.StoreMaintenance;

/** {@code compact}: TDB2 compaction, which frees the space that replaced report graphs still take on disk. */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Compact the TDB2 store: copy the live data into a new Data-NNNN generation and delete the old "
                + "one, freeing the space earlier versions of re-ingested reports still take.",
            "The store keeps the same quads. Stop a running `serve` first (one process per store)."})
final class CompactCommand implements Callable<Integer> {
    @Mixin
    StoreOption storeOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StoreFolders.requireExisting(storeOption.store);
        StoreMaintenance.Compaction c;
        try (KgStore store = KgStore.open(storeOption.store)) {
            c = StoreMaintenance.compact(store, storeOption.store);
        }
        spec.commandLine().getErr().printf("compacted %s: %s before, %s after (%d quads)%n", storeOption.store,
                StoreFolders.human(c.bytesBefore()), StoreFolders.human(c.bytesAfter()), c.quadsAfter());
        return 0;
    }
}
