package org.w3id.conflictkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3id.conflictkg.server.SavedQueries;

/** The load check's request mix and its latency figures, without a server. */
class LoadClientsTest {
    @Test
    void queriesThatCallOtherEndpointsAreLeftOutOfTheMix() {
        List<SavedQueries.Saved> saved = List.of(
                new SavedQueries.Saved("local", "", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"),
                new SavedQueries.Saved("remote", "", "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> "
                        + "{ ?s ?p ?o } }"),
                new SavedQueries.Saved("describe", "", "DESCRIBE <urn:x:a>"));
        LoadClients lc = new LoadClients(URI.create("http://127.0.0.1:1/conflict/sparql"), saved, 10,
                Duration.ofSeconds(1));
        assertEquals(List.of("remote"), lc.skipped());
        // local, describe, the report listing and two graph reads
        assertEquals(5, lc.mixSize());
    }

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        List<LoadClients.Sample> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            samples.add(new LoadClients.Sample("q", i * 1_000_000L, i != 7));
        }
        LoadClients.Percentiles p = LoadClients.Percentiles.of(samples);
        assertEquals(100, p.count());
        assertEquals(1, p.errors());
        assertEquals(50.0, p.p50());
        assertEquals(95.0, p.p95());
        assertEquals(99.0, p.p99());
        assertEquals(100.0, p.max());
    }
}
