package org.w3id.conflictkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.datatypes.BaseDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.rdf.Vocab;
import org.w3id.conflictkg.store.KgStore;

/** {@code export} and {@code export-geojson} through {@link Main#execute}: files, gzip, exit codes. */
class ExportCommandTest {
    private static final String REPORT = CKG.ID + "report/r1";

    @TempDir
    Path dir;
    private Path store;
    private long quads;

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        return new Run(code, err.toString());
    }

    /** A store with one report graph: a shelling at Kupiansk (with its point) and one at a place without. */
    @BeforeEach
    void makeStore() {
        store = dir.resolve("store");
        Model m = ModelFactory.createDefaultModel();
        Resource kupiansk = m.createResource(CKG.ID + "place/703656").addProperty(RDF.type, CKG.Settlement)
                .addProperty(RDFS.label, "Kupiansk", "en")
                .addProperty(Vocab.hasGeometry, m.createResource(CKG.ID + "place/703656/geometry")
                        .addProperty(Vocab.asWKT, m.createTypedLiteral("POINT(37.61581 49.71003)",
                                new BaseDatatype(Vocab.wktLiteral))));
        Resource nowhere = m.createResource(CKG.ID + "place/nowhere").addProperty(RDFS.label, "Nowhere", "en");
        Resource kharkivOblast = m.createResource(CKG.ID + "place/706482").addProperty(RDFS.label, "Kharkiv Oblast",
                "en");
        m.createResource(REPORT + "/event/0").addProperty(RDF.type, CKG.Shelling).addProperty(CKG.place, kupiansk)
                .addProperty(CKG.month, "2024-11").addProperty(CKG.inOblast, kharkivOblast);
        m.createResource(REPORT + "/event/1").addProperty(RDF.type, CKG.Shelling).addProperty(CKG.place, nowhere);
        m.createResource(REPORT).addProperty(RDF.type, CKG.Report).addProperty(CKG.sourceFile, "r1.txt");
        quads = m.size();
        try (KgStore s = KgStore.open(store)) {
            s.replaceGraph(REPORT, m.getGraph(), null);
        }
    }

    @Test
    void exportWritesGzippedNQuadsThatParse() throws Exception {
        Path out = dir.resolve("dump/all.nq.gz");
        Run r = run("export", "--store", store.toString(), "--format", "nquads", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("exported " + quads + " quads"), r.err());
        DatasetGraph dsg = DatasetGraphFactory.create();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(dsg);
        }
        assertEquals(quads, dsg.getGraph(NodeFactory.createURI(REPORT)).size());
        assertNoPartFiles(out.getParent());
    }

    @Test
    void exportWritesTrigAndReplacesAnEarlierFile() throws Exception {
        Path out = dir.resolve("all.trig");
        Files.writeString(out, "old");
        Run r = run("export", "--store", store.toString(), "--format", "trig", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String trig = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(trig.contains("PREFIX ckg:") || trig.contains("@prefix ckg:"), trig);
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.fromString(trig, Lang.TRIG).parse(dsg);
        assertEquals(quads, count(dsg));
    }

    private static long count(DatasetGraph dsg) {
        long n = 0;
        var it = dsg.find();
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    @Test
    void exportGeoJsonWithoutAQueryWritesEveryEventWithAPoint() throws Exception {
        Path out = dir.resolve("events.geojson");
        Run r = run("export-geojson", "--store", store.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonArray features = JSON.parse(Files.readString(out, StandardCharsets.UTF_8)).get("features").getAsArray();
        assertEquals(1, features.size(), "only the event at a place with a point");
        JsonArray c = features.get(0).getAsObject().get("geometry").getAsObject().get("coordinates").getAsArray();
        assertEquals(37.61581, c.get(0).getAsNumber().value().doubleValue(), 1e-9);
        assertEquals(49.71003, c.get(1).getAsNumber().value().doubleValue(), 1e-9);
        // An event without ckg:category (a store from before ontology 0.2.0) takes its category from its class.
        assertEquals("Shelling", features.get(0).getAsObject().get("properties").getAsObject().get("category")
                .getAsString().value());
    }

    @Test
    void exportGeoJsonFromASavedQueryNameWritesThatQuerysRows() throws Exception {
        Path out = dir.resolve("month.geojson");
        Run r = run("export-geojson", "--store", store.toString(), "--query", "events-with-coordinates",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonArray features = JSON.parse(Files.readString(out, StandardCharsets.UTF_8)).get("features").getAsArray();
        assertEquals(1, features.size(), "the event of the saved query's month (2024-11) and oblast at a place with a point");
        assertTrue(features.get(0).getAsObject().get("properties").getAsObject().get("event").toString()
                .contains("event/0"), features::toString);
    }

    @Test
    void aFailedExportLeavesTheEarlierFileAndNoPartialOne() throws Exception {
        Path q = dir.resolve("no-wkt.rq");
        Files.writeString(q, "SELECT ?s WHERE { ?s ?p ?o }");
        Path out = dir.resolve("keep.geojson");
        Files.writeString(out, "{\"earlier\": true}");
        Run r = run("export-geojson", "--store", store.toString(), "--query", q.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: query: GeoJSON needs a ?wkt variable"), r.err());
        assertEquals("{\"earlier\": true}", Files.readString(out));
        assertNoPartFiles(dir);
    }

    @Test
    void badFormatsMissingStoresAndUnknownQueriesFailWithOneLine() {
        Run fmt = run("export", "--store", store.toString(), "--format", "yaml");
        assertEquals(1, fmt.code());
        assertTrue(fmt.err().startsWith("error: --format yaml"), fmt.err());
        Run missing = run("export", "--store", dir.resolve("none").toString(), "--out", dir.resolve("x.nq").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no store here"), missing.err());
        Run query = run("export-geojson", "--store", store.toString(), "--query", "no-such-query");
        assertEquals(1, query.code());
        assertTrue(query.err().contains("no-such-query: no such query file"), query.err());
    }

    private static void assertNoPartFiles(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "a .part file was left");
        }
    }
}
