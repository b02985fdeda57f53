package org.w3id.conflictkg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.DumpMerger;
import org.w3id.conflictkg.gazetteer.ExtraPlaces;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.gazetteer.GeoNamesDumpReader;
import org.w3id.conflictkg.gazetteer.Place;
import org.w3id.conflictkg.report.ReportReader;

/**
 * Adds the places of a GeoNames dump to a store: into its gazetteer graph, in one write transaction, and into the
 * store's extra places file, so that later ingests match them too.
 */
public final class GazetteerLoader {
    private static final Logger LOG = LoggerFactory.getLogger(GazetteerLoader.class);

    /**
     * The outcome: places read from the dump; added; completed (hand-written gazetteer villages that gained a GeoNames
     * id and point); already known; dump raions matched to the gazetteer's; malformed lines skipped (with the
     * problems, {@code file:line: reason}, at most 200); the store's gazetteer size after; time taken.
     */
    public record Summary(int read, int added, int completed, int known, int raionsMatched, int malformed,
                          List<String> problems, int gazetteerSize, long millis) {
    }

    private GazetteerLoader() {
    }

    /**
     * Reads the dump, merges it into the store's gazetteer (bundled plus the extra places of earlier loads) and writes
     * both the gazetteer graph and the extra places file; the file is only replaced once the graph is written.
     */
    public static Summary load(KgStore store, Path storeDir, Path dump) {
        long t0 = System.nanoTime();
        if (!Files.isRegularFile(dump)) {
            throw new KgException(dump + ": no such file");
        }
        if (!Files.isReadable(dump)) {
            throw new KgException(dump + ": not readable (permission denied)");
        }
        // The dump's own ADM1 rows give the oblasts; every GeoNames country dump has them.
        GeoNamesDumpReader.Result read = new GeoNamesDumpReader(Map.of()).read(dump);
        Gazetteer gazetteer = Gazetteer.forStore(storeDir);
        DumpMerger.Merge merge = DumpMerger.merge(gazetteer, read.places());

        Map<String, Place> extra = new LinkedHashMap<>();
        ExtraPlaces.read(storeDir).forEach(p -> extra.put(p.key(), p));
        merge.places().forEach(p -> extra.put(p.key(), p));
        gazetteer.addAll(merge.places());

        Path prepared = ExtraPlaces.prepare(storeDir, new ArrayList<>(extra.values()));
        try {
            // Replaces the gazetteer graph in one write transaction, with the fingerprint a later ingest computes
            // from the same bundled and extra places, so it finds the graph current and leaves it alone.
            new Ingester(store, gazetteer, new Extractor(gazetteer), new ReportReader(), false).ensureBase();
        } catch (RuntimeException e) {
            ExtraPlaces.discard(prepared);
            throw e;
        }
        ExtraPlaces.commit(storeDir, prepared);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("{}: {} places read, {} added, {} completed, {} known ({} ms)", dump, read.places().size(),
                merge.added(), merge.completed(), merge.known(), ms);
        return new Summary(read.places().size(), merge.added(), merge.completed(), merge.known(),
                merge.raionsMatched(), read.malformedLines(), read.problems(), gazetteer.size(), ms);
    }
}
