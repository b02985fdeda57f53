package org.w3id.conflictkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.apache.jena.query.Query;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.server.SavedQueries;
import org.w3id.conflictkg.store.GeoJsonExporter;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.QueryRunner;

/** {@code export-geojson}: runs a SELECT with a ?wkt point and writes its rows as a GeoJSON FeatureCollection. */
@Command(name = "export-geojson", mixinStandardHelpOptions = true,
        description = {"Run a SELECT query that has a ?wkt variable (a WKT POINT) and write a GeoJSON "
            + "FeatureCollection for GIS tools: one Point feature per row, the other variables as its properties.",
            "Rows without a point are left out (and counted on standard error)."})
final class ExportGeoJsonCommand implements Callable<Integer> {
    @Mixin
    StoreOption storeOption;

    @Option(names = "--query", paramLabel = "Q.rq",
            description = "The query file, or the name of a saved query shipped in the jar (e.g. "
                    + "events-with-coordinates: one month). Default: every event in the store at a place with "
                    + "coordinates.")
    String queryRef;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: standard output; "
            + "FILE.gz: gzip-compressed).")
    Path outFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "Cancel the query after this many seconds (default: no limit).")
    double timeout;

    @Spec
    CommandSpec spec;

    /** Where the GeoJSON goes without --out; tests replace it. */
    OutputStream out = System.out;

    @Override
    public Integer call() {
        Query q = queryRef == null ? QueryRunner.parse(GeoJsonExporter.allEventsQuery(), "every event with coordinates")
                : QueryRunner.parse(readQuery(), queryRef);
        if (!Files.isDirectory(storeOption.store)) {
            throw new KgException(storeOption.store + ": no store here; create one with ingest");
        }
        try (KgStore store = KgStore.open(storeOption.store)) {
            GeoJsonExporter.Summary s;
            if (outFile == null) {
                s = GeoJsonExporter.write(store, q, out, (long) (timeout * 1000));
                flush();
            } else {
                try (AtomicOutput o = AtomicOutput.open(outFile)) {
                    s = GeoJsonExporter.write(store, q, o.stream(), (long) (timeout * 1000));
                    o.commit();
                }
            }
            spec.commandLine().getErr().printf("wrote %d feature(s)%s%s%n", s.features(),
                    s.skipped() > 0 ? ", left out " + s.skipped() + " row(s) without a POINT ?wkt" : "",
                    outFile == null ? "" : " to " + outFile);
        }
        return 0;
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new KgException("standard output: cannot write (" + e.getMessage() + ")");
        }
    }

    /** The text of the query file, or of the saved query of that name. */
    private String readQuery() {
        Path p = Path.of(queryRef);
        if (Files.isRegularFile(p)) {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new KgException(queryRef + ": cannot read the query file (" + e.getMessage() + ")");
            }
        }
        String name = queryRef.endsWith(".rq") ? queryRef.substring(0, queryRef.length() - 3) : queryRef;
        return SavedQueries.load(null).stream().filter(s -> s.name().equals(name)).findFirst()
                .map(SavedQueries.Saved::query)
                .orElseThrow(() -> new KgException(queryRef + ": no such query file, nor a saved query of that name"));
    }
}
