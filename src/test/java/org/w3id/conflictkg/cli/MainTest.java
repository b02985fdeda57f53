package org.w3id.conflictkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through {@link Main#execute}: exit codes and where output goes. */
class MainTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("ingest") && r.out().contains("query") && r.out().contains("serve"), r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
    }

    @Test
    void versionNamesTheProgram() {
        CliRun r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("conflict-kg"), r.out());
    }

    @Test
    void bareCommandPrintsUsageToStandardError() {
        CliRun r = run();
        assertEquals(0, r.code());
        assertTrue(r.err().contains("Usage"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("query", "--no-such-option", "SELECT * {}").code());
        assertEquals(2, run("ingest").code());
    }

    @Test
    void malformedSparqlFailsWithOneLineNamingTheProblem(@TempDir Path dir) {
        CliRun r = run("query", "--store", dir.toString(), "SELEC ?x WHERE {");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: query: malformed SPARQL"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void queryOnAMissingStoreSaysSo(@TempDir Path dir) {
        CliRun r = run("query", "--store", dir.resolve("nothing").toString(), "SELECT * WHERE { ?s ?p ?o }");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no store here"), r.err());
    }

    @Test
    void ingestThenQueryAsJsonCsvAndTsv(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        Files.writeString(dir.resolve("r.txt"), "Shelling of Kherson\nKherson was shelled on Monday, the head of the "
                + "regional military administration said.");
        CliRun ingest = run("ingest", "--store", store.toString(), dir.resolve("r.txt").toString());
        assertEquals(0, ingest.code(), ingest.err());
        assertTrue(ingest.err().contains("ingested 1 report"), ingest.err());
        String q = "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#> SELECT ?f WHERE { ?r ckg:sourceFile ?f }";
        QueryCommandOutput json = query(store, "json", q);
        assertEquals(0, json.code());
        assertTrue(json.out().contains("\"value\": \"r.txt\""), json.out());
        assertTrue(query(store, "csv", q).out().startsWith("f\r\nr.txt"));
        assertTrue(query(store, "tsv", q).out().startsWith("?f\n\"r.txt\""));
        CliRun bad = run("query", "--store", store.toString(), "--format", "yaml", q);
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("--format yaml"), bad.err());
    }

    private record QueryCommandOutput(int code, String out) {
    }

    /** Query output goes to System.out in production; here it is captured through the command's stream. */
    private static QueryCommandOutput query(Path store, String format, String q) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        picocli.CommandLine cl = new picocli.CommandLine(new Main());
        QueryCommand qc = cl.getSubcommands().get("query").getCommand();
        qc.out = bytes;
        int code = cl.execute("query", "--store", store.toString(), "--format", format, q);
        return new QueryCommandOutput(code, bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
