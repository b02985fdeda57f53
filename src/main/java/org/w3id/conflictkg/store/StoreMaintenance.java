package org.w3id.conflictkg.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;

/**
 * Restore and compaction of a store: a backup (an N-Quads dump, see {@link DatasetExporter}) loaded into an empty
 * store in one transaction, and TDB2 compaction that drops the space old versions of replaced graphs still take.
 */
public final class StoreMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenance.class);

    /** A compaction's effect: folder size and quad count before and after. */
    public record Compaction(long bytesBefore, long bytesAfter, long quadsBefore, long quadsAfter) {
    }

    private StoreMaintenance() {
    }

    /**
     * Loads a backup (gzip or plain N-Quads) into an empty store in one write transaction: all of it lands, or, on a
     * parse error, nothing. Returns the number of quads in the store afterwards.
     */
    public static long restore(KgStore store, Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw new KgException(backup + ": no such backup file");
        }
        if (store.quadCount() > 0) {
            throw new KgException(store + ": the store is not empty; restore into a new folder");
        }
        try (InputStream in = openMaybeGzip(backup)) {
            Txn.executeWrite(store.dataset(), () -> RDFParser.source(in).lang(Lang.NQUADS)
                    .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
                    .parse(StreamRDFLib.dataset(store.datasetGraph())));
        } catch (RiotException e) {
            throw new KgException(backup + ": not a readable N-Quads backup (" + oneLine(e.getMessage()) + ")", e);
        } catch (IOException e) {
            throw new KgException(backup + ": cannot read the backup (" + oneLine(e.getMessage()) + ")", e);
        }
        long quads = store.quadCount();
        LOG.debug("restored {} quads from {} into {}", quads, backup, store);
        return quads;
    }

    /** Opens a file, decompressing it when it starts with the gzip magic number, whatever its name. */
    private static InputStream openMaybeGzip(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1F && in.read() == 0x8B;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /**
     * Compacts the TDB2 store in folder {@code dir} (opened as {@code store}) into a fresh data generation and deletes
     * the old one; readers in this process keep working meanwhile. The quads must be the same afterwards.
     */
    public static Compaction compact(KgStore store, Path dir) {
        long before = size(dir);
        long quadsBefore = store.quadCount();
        try {
            DatabaseMgr.compact(store.tdbDatasetGraph(), true);
            store.compacted();
        } catch (RuntimeException e) {
            throw new KgException(dir + ": compaction failed (" + e.getMessage() + ")", e);
        }
        long quadsAfter = store.quadCount();
        long after = size(dir);
        if (quadsAfter != quadsBefore) {
            throw new KgException(dir + ": compaction changed the quad count from " + quadsBefore + " to "
                    + quadsAfter);
        }
        LOG.debug("compacted {}: {} -> {} bytes, {} quads", dir, before, after, quadsAfter);
        return new Compaction(before, after, quadsBefore, quadsAfter);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** Bytes taken by a file, or by all files below a folder. */
    public static long size(Path p) {
        if (!Files.isDirectory(p)) {
            try {
                return Files.size(p);
            } catch (IOException e) {
                return 0;
            }
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    // A file removed while we count (compaction deleting the old generation) takes no space.
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
