package org.w3id.conflictkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.TestStores;

/** The served endpoint evaluates the GeoSPARQL saved query: data/reports served on a free port, asked over HTTP. */
class SpatialQueriesIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static KgStore store;
    private static KgServer server;

    @BeforeAll
    static void start() {
        store = TestStores.withBundledReports();
        // Port 0: the system picks a free port, read back from the server.
        server = KgServer.start(store, new KgServer.Settings("127.0.0.1", 0, 10_000, null, null));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theServedEndpointFindsClaimsWithin50KmOfKupiansk() throws Exception {
        String q = Files.readString(Path.of("queries/claims-within-km-of-a-place.rq"), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(q)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("00-kupiansk-cleared.txt") && r.body().contains("Nazar Voloshyn"), r.body());
        assertFalse(r.body().contains("Vovchansk"), r.body());
    }
}
