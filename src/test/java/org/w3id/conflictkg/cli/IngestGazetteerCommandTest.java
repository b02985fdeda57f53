package org.w3id.conflictkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.TestStores;

/** {@code ingest-gazetteer} and {@code link} through {@link Main#execute}: exit codes, summary, and a later ingest. */
class IngestGazetteerCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String sample() throws URISyntaxException {
        return Path.of(IngestGazetteerCommandTest.class.getResource("/gazetteer/UA-extra-sample.txt").toURI())
                .toString();
    }

    @Test
    void ingestAfterIngestGazetteerMatchesTheDumpsVillages(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        CliRun load = run("ingest-gazetteer", "--store", store.toString(), sample());
        assertEquals(0, load.code(), load.err());
        assertEquals(1, load.err().strip().lines().count(), "one summary line: " + load.err());
        assertTrue(load.err().contains("UA-extra-sample.txt: 7 places read, 3 added, 1 completed with a GeoNames id, "
                + "2 already known, 1 raions matched; 1 malformed line(s) skipped"), load.err());
        assertTrue(Files.isRegularFile(store.resolve("gazetteer-extra.tsv")));

        Files.writeString(dir.resolve("zahryzove.txt"), """
                Shelling of Zahryzove
                KYIV, March 5, 2025 — Russian artillery shelled Zahryzove in Kharkiv Oblast overnight, injuring two \
                people, Governor Oleh Syniehubov said.
                """, StandardCharsets.UTF_8);
        CliRun ingest = run("ingest", "--store", store.toString(), dir.resolve("zahryzove.txt").toString());
        assertEquals(0, ingest.code(), ingest.err());
        try (KgStore s = KgStore.open(store)) {
            assertEquals(1, TestStores.select(s, """
                    SELECT * WHERE { GRAPH ?r { ?r ckg:mentions <https://w3id.org/conflict-kg/id/place/99000212> }
                      <https://w3id.org/conflict-kg/id/place/99000212> ckg:geonamesId "99000212" ;
                          geo:hasGeometry/geo:asWKT ?wkt }""").size());
        }
    }

    @Test
    void aMissingDumpFileExitsOneWithOneLine(@TempDir Path dir) {
        CliRun r = run("ingest-gazetteer", "--store", dir.resolve("store").toString(), dir.resolve("UA.txt").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("UA.txt: no such file"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void linkWithoutADatasetIsAUsageError() {
        CliRun r = run("link");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("wikidata"), r.err());
    }

    @Test
    void linkWikidataChecksItsOptionsAndTheStore(@TempDir Path dir) {
        assertEquals(2, run("link", "wikidata", "--store", dir.toString(), "--batch", "0").code());
        assertEquals(2, run("link", "wikidata", "--store", dir.toString(), "--endpoint", "ftp://example.org/").code());
        CliRun r = run("link", "wikidata", "--store", dir.resolve("nothing").toString(), "--endpoint",
                "http://127.0.0.1:9/sparql");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no store here"), r.err());
    }
}
