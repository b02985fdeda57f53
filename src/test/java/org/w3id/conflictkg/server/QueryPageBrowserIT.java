package org.w3id.conflictkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.store.KgStore;

/**
 * The query page in a real browser: headless Chromium loads it from a served store, lists the saved queries, runs the
 * starter query ({@code ?run=1}) and shows its results table, and takes a screenshot. Skipped, saying so, where no
 * Chromium is installed.
 */
class QueryPageBrowserIT {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome-stable", "/usr/bin/google-chrome");

    @TempDir
    static Path dir;
    private static String chromium;
    private static KgStore store;
    private static KgServer server;

    @BeforeAll
    static void start() {
        String env = System.getenv("CHROMIUM");
        chromium = env != null && Files.isExecutable(Path.of(env)) ? env
                : CANDIDATES.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "SKIPPED: no Chromium at " + CANDIDATES + " nor in $CHROMIUM; "
                + "the query page was not checked in a browser (apt-get install chromium to run this test)");
        store = KgStore.inMemory();
        store.replaceGraph(CKG.ID + "report/browser-test", oneClaim().getGraph(), null);
        server = KgServer.start(store, new KgServer.Settings("127.0.0.1", 0, 10_000, null, null));
    }

    /** One claim, enough for the starter query to show a row. */
    private static Model oneClaim() {
        Model m = ModelFactory.createDefaultModel();
        String report = CKG.ID + "report/browser-test";
        Resource place = m.createResource(CKG.ID + "place/703656").addProperty(RDF.type, CKG.Settlement)
                .addProperty(RDFS.label, "Kupiansk", "en");
        Resource person = m.createResource(CKG.ID + "person/nazar-voloshyn").addProperty(RDF.type, CKG.Person)
                .addProperty(RDFS.label, "Nazar Voloshyn", "en");
        Resource event = m.createResource(report + "/event/0").addProperty(RDF.type, CKG.Liberation)
                .addProperty(CKG.place, place);
        m.createResource(report + "/claim/0").addProperty(RDF.type, CKG.Claim).addProperty(CKG.claimant, person)
                .addProperty(CKG.asserts, event).addProperty(CKG.statedIn, m.createResource(report))
                .addProperty(CKG.quote, "Kupiansk is under the full control of the Defence Forces of Ukraine.");
        return m;
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

    /** Runs headless Chromium with a throw-away profile and no background traffic; returns its standard output. */
    private static String chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--virtual-time-budget=8000"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.log").toFile()).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 90 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String pageUrl() {
        return "http://127.0.0.1:" + server.port() + "/?run=1";
    }

    @Test
    void thePageListsTheSavedQueriesAndShowsTheStarterQuerysResultsTable() throws Exception {
        String dom = chromium("--dump-dom", pageUrl());
        assertTrue(dom.contains("ckg-queries"), "no query page in the DOM:\n" + dom);
        List<SavedQueries.Saved> saved = SavedQueries.load(null);
        assertTrue(saved.size() >= 6, "saved queries in the jar: " + saved.size());
        for (SavedQueries.Saved q : saved) {
            String shown = q.title().isEmpty() ? q.name() : q.title().replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;");
            assertTrue(dom.contains(shown), q.name() + " is not listed on the page");
        }
        Matcher table = Pattern.compile("<table[^>]*class=\"[^\"]*dataTable[^\"]*\"[^>]*>(.*?)</table>",
                Pattern.DOTALL).matcher(dom);
        assertTrue(table.find(), "the starter query's results table is not in the DOM");
        assertTrue(table.group(1).contains("Nazar Voloshyn"), "the claim's claimant is not in the results table");
        assertTrue(table.group(1).contains("Kupiansk"), "the claim's place is not in the results table");
    }

    @Test
    void aScreenshotOfThePageIsTaken() throws Exception {
        Path png = Path.of("target", "query-page.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        chromium("--window-size=1280,900", "--screenshot=" + png, pageUrl());
        assertTrue(Files.exists(png), "Chromium wrote no screenshot");
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, "not a PNG");
        assertTrue(Files.size(png) > 20_000, "a near-empty screenshot: " + Files.size(png) + " bytes");
    }
}
