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
 * half-written: a marker file says a load is under way, and {@link KgStore#open} empties a store that still has
 * it. The bulk path is only taken for a store that holds nothing but the ontology and gazetteer, which the next
 * ingest rebuilds, so nothing a user stored is ever lost.
 */
final class BulkLoad {
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoad.class);
    /** Present in the store folder while a bulk load runs. */
    static final String MARKER = "bulk-load-in-progress";

    private final Path marker;
    private final DataLoader loader;
    private final StreamRDF stream;
    private final TextIndex.Streaming text;

    private BulkLoad(Path marker, DataLoader loader, TextIndex.Streaming text) {
        this.marker = marker;
        this.loader = loader;
        this.stream = loader.stream();
        this.text = text;
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
        // The loader writes past the text index, so the index is written here as the quads stream by: cleared, then
        // fed the base graphs already stored and every quad loaded, and committed once the load is whole.
        TextIndex.Streaming text = store.streamTextIndex();
        DataLoader loader = LoaderFactory.phasedLoader(store.tdbDatasetGraph(), (fmt, args) -> LOG.debug(fmt, args));
        loader.startBulk();
        return new BulkLoad(marker, loader, text);
    }

    /** Adds one report graph with its hash. */
    void add(KgStore.GraphWrite w) {
        KgStore.forEachQuad(w, q -> {
            stream.quad(q);
            text.add(q);
        });
    }

    /**
     * Finishes the load (index building happens here), commits the full-text index written alongside it and removes
     * the marker: a load killed before its text index is committed is undone too.
     */
    void finish() {
        loader.finishBulk();
        text.commit();
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new KgException(marker + ": cannot remove (" + e.getMessage() + ")", e);
        }
    }

    /** Abandons the load after a failure; the marker stays, so the next open empties the half-written store. */
    void abort(Exception cause) {
        text.abort();
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
