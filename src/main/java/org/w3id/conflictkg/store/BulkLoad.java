package org.w3id.conflictkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;

/**
 * A first load of many reports through TDB2's phased bulk loader (the loader {@code tdb2.tdbloader} uses by
 * default). That loader writes index files directly rather than in a transaction, so a crash could leave the store
 * half-written: a marker file says a load is under way, and {@link #recoverIfInterrupted} empties a store that still
 * has it. The bulk path is only taken for a store that holds nothing but the ontology and gazetteer, which the next
 * ingest rebuilds, so nothing a user stored is ever lost.
 */
final class BulkLoad {
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoad.class);
    /** Present in the store folder while a bulk load runs. */
    static final String MARKER = "bulk-load-in-progress";

    private final KgStore store;
    private final Path marker;
    private final DataLoader loader;
    private final StreamRDF stream;

    private BulkLoad(KgStore store, Path marker, DataLoader loader) {
        this.store = store;
        this.marker = marker;
        this.loader = loader;
        this.stream = loader.stream();
    }

    /** Starts a bulk load into an on-disk store. */
    static BulkLoad start(KgStore store) {
        Path folder = store.folder();
        if (folder == null) {
            throw new KgException("the bulk loader needs a store on disk");
        }
        Path marker = folder.resolve(MARKER);
        try {
            Files.writeString(marker, "A bulk load started here and has not finished. If no ingest is running, the "
                    + "next one empties this store and loads it again.\n");
        } catch (IOException e) {
            throw new KgException(marker + ": cannot write (" + e.getMessage() + ")", e);
        }
        DataLoader loader = LoaderFactory.phasedLoader(store.tdbDatasetGraph(), (fmt, args) -> LOG.debug(fmt, args));
        loader.startBulk();
        return new BulkLoad(store, marker, loader);
    }

    /** Adds one report graph with its hash. */
    void add(KgStore.GraphWrite w) {
        KgStore.forEachQuad(w, stream::quad);
    }

    /**
     * Finishes the load (index building happens here), indexes the store for full-text search (the loader writes
     * past the text index) and removes the marker: a load killed before its text index is whole is undone too.
     */
    void finish() {
        loader.finishBulk();
        store.rebuildTextIndex();
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new KgException(marker + ": cannot remove (" + e.getMessage() + ")", e);
        }
    }

    /** Abandons the load after a failure; the marker stays, so the next open empties the half-written store. */
    void abort(Exception cause) {
        try {
            loader.finishException(cause);
        } catch (RuntimeException e) {
            LOG.debug("bulk loader abort", e);
        }
    }

    /** True when the folder holds a store whose bulk load was interrupted. */
    static boolean interrupted(Path folder) {
        return Files.exists(folder.resolve(MARKER));
    }
}
