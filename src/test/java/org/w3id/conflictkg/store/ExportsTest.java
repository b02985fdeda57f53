package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.datatypes.BaseDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.rdf.CKG;

/**
 * Exports of a store with the real ontology and gazetteer and a small report graph: N-Quads and TriG dumps that
 * reload to the same dataset, and GeoJSON of the events at places with coordinates.
 */
class ExportsTest {
    private static final String REPORT = CKG.ID + "report/export-test";
    private static KgStore store;

    @BeforeAll
    static void build() {
        store = KgStore.inMemory();
        // The ontology (with blank nodes) and the gazetteer (the bulk of a store) as ingest loads them.
        TestStores.ingester(store).ensureBase();
        store.replaceGraph(REPORT, events().getGraph(), null);
    }

    /** A shelling of Kupiansk, an air strike on Sumy, and an event at a place without coordinates. */
    private static Model events() {
        Model m = ModelFactory.createDefaultModel();
        m.createResource(REPORT).addProperty(RDF.type, CKG.Report).addProperty(DCTerms.title, "Test report");
        m.createResource(REPORT + "/event/0").addProperty(RDF.type, CKG.Shelling)
                .addProperty(CKG.place, m.createResource(CKG.ID + "place/703656"))
                .addProperty(CKG.date, m.createTypedLiteral("2024-11-26", XSDDatatype.XSDdate));
        m.createResource(REPORT + "/event/1").addProperty(RDF.type, CKG.DroneStrike)
                .addProperty(CKG.place, m.createResource(CKG.ID + "place/692194"));
        m.createResource(REPORT + "/event/2").addProperty(RDF.type, CKG.Evacuation)
                .addProperty(CKG.place, m.createResource(CKG.ID + "place/no-coordinates"));
        return m;
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static void assertReloadsToTheStore(DatasetExporter.Format format, Lang lang) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long n = DatasetExporter.write(store, format, bytes);
        DatasetGraph reloaded = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(bytes.toByteArray())).lang(lang).parse(reloaded);
        assertEquals(store.quadCount(), n);
        Txn.executeRead(store.dataset(), () -> {
            DatasetGraph dsg = store.datasetGraph();
            List<Node> names = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(names::add);
            List<Node> reloadedNames = new ArrayList<>();
            reloaded.listGraphNodes().forEachRemaining(reloadedNames::add);
            assertEquals(Set.copyOf(names), Set.copyOf(reloadedNames), "named graphs");
            assertIsomorphic(dsg.getDefaultGraph(), reloaded.getDefaultGraph(), format + ": the default graph");
            for (Node g : names) {
                assertIsomorphic(dsg.getGraph(g), reloaded.getGraph(g), format + ": graph " + g);
            }
        });
    }

    /**
     * Graph isomorphism, split for speed: triples without blank nodes must be the same set; those with them (the
     * ontology's owl:AllDisjointClasses) form small graphs compared by isomorphism.
     */
    private static void assertIsomorphic(Graph a, Graph b, String what) {
        Set<Triple> groundA = new HashSet<>();
        Graph blankA = GraphFactory.createDefaultGraph();
        split(a, groundA, blankA);
        Set<Triple> groundB = new HashSet<>();
        Graph blankB = GraphFactory.createDefaultGraph();
        split(b, groundB, blankB);
        assertEquals(groundA.size(), groundB.size(), what + ": triples without blank nodes");
        assertTrue(groundA.equals(groundB), what + " differs from the store");
        assertTrue(blankA.isIsomorphicWith(blankB), what + ": the triples with blank nodes differ");
    }

    private static void split(Graph g, Set<Triple> ground, Graph blank) {
        g.find().forEachRemaining(t -> {
            if (t.getSubject().isBlank() || t.getObject().isBlank()) {
                blank.add(t);
            } else {
                ground.add(t);
            }
        });
    }

    @Test
    void anNQuadsDumpReloadsIntoADatasetIsomorphicToTheStore() {
        assertReloadsToTheStore(DatasetExporter.Format.NQUADS, Lang.NQUADS);
    }

    @Test
    void aTrigDumpReloadsIntoADatasetIsomorphicToTheStore() {
        assertReloadsToTheStore(DatasetExporter.Format.TRIG, Lang.TRIG);
    }

    @Test
    void anUnknownExportFormatIsNamed() {
        KgException e = assertThrows(KgException.class, () -> DatasetExporter.Format.parse("yaml"));
        assertTrue(e.getMessage().startsWith("--format yaml"), e.getMessage());
    }

    @Test
    void eventsWithCoordinatesBecomeGeoJsonPointFeatures() throws Exception {
        Query q = QueryRunner.parse(GeoJsonExporter.allEventsQuery(), "every event with coordinates");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GeoJsonExporter.Summary s = GeoJsonExporter.write(store, q, bytes, 0);
        JsonObject fc = JSON.parse(bytes.toString(StandardCharsets.UTF_8));
        assertEquals("FeatureCollection", fc.get("type").getAsString().value());
        JsonArray features = fc.get("features").getAsArray();
        assertEquals(2, features.size(), "Kupiansk and Sumy, not the place without coordinates");
        assertEquals(s.features(), features.size());
        for (JsonValue v : features) {
            JsonObject f = v.getAsObject();
            assertEquals("Feature", f.get("type").getAsString().value());
            JsonObject g = f.get("geometry").getAsObject();
            assertEquals("Point", g.get("type").getAsString().value());
            JsonArray c = g.get("coordinates").getAsArray();
            assertEquals(2, c.size());
            double lon = c.get(0).getAsNumber().value().doubleValue();
            double lat = c.get(1).getAsNumber().value().doubleValue();
            // Longitude first: the reports' places lie between 20°E and 50°E, 40°N and 60°N.
            assertTrue(lon > 20 && lon < 50 && lat > 40 && lat < 60, "lon " + lon + " lat " + lat);
            JsonObject props = f.get("properties").getAsObject();
            assertTrue(props.hasKey("category") && props.hasKey("placeLabel") && props.hasKey("event"),
                    props::toString);
            assertFalse(props.hasKey("wkt"), "the point is the geometry, not a property");
        }
        Map<String, JsonObject> byPlace = new HashMap<>();
        features.forEach(v -> {
            JsonObject p = v.getAsObject().get("properties").getAsObject();
            byPlace.put(p.get("placeLabel").getAsString().value(), p);
        });
        assertEquals(Set.of("Kupiansk", "Sumy"), byPlace.keySet());
        assertEquals("Shelling", byPlace.get("Kupiansk").get("category").getAsString().value());
        assertEquals("2024-11-26", byPlace.get("Kupiansk").get("date").getAsString().value());
        assertEquals("AirStrike", byPlace.get("Sumy").get("category").getAsString().value(),
                "a drone strike is listed under its top category");
    }

    @Test
    void geoJsonNeedsASelectWithAWktVariable() {
        Query noWkt = QueryRunner.parse("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "q");
        KgException e = assertThrows(KgException.class, () -> GeoJsonExporter.write(store, noWkt,
                new ByteArrayOutputStream(), 0));
        assertTrue(e.getMessage().contains("?wkt"), e.getMessage());
        Query ask = QueryRunner.parse("ASK { ?s ?p ?o }", "q");
        assertThrows(KgException.class, () -> GeoJsonExporter.write(store, ask, new ByteArrayOutputStream(), 0));
    }

    @Test
    void rowsWithoutAPointAreLeftOutAndCounted() {
        Query q = QueryRunner.parse("""
                SELECT ?n ?wkt WHERE { VALUES (?n ?wkt) { (1 "POINT(37.6 49.7)") (2 "LINESTRING(0 0, 1 1)")
                  (3 UNDEF) } }""", "q");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GeoJsonExporter.Summary s = GeoJsonExporter.write(store, q, bytes, 0);
        assertEquals(1, s.features());
        assertEquals(2, s.skipped());
        JsonObject props = JSON.parse(bytes.toString(StandardCharsets.UTF_8)).get("features").getAsArray().get(0)
                .getAsObject().get("properties").getAsObject();
        assertTrue(props.get("n").isNumber(), "integers stay numbers: " + props);
    }

    @Test
    void wktPointsAreReadInGeoSparqlAxisOrder() {
        var m = ModelFactory.createDefaultModel();
        assertArrayEquals(new double[] {37.61581, 49.71003}, GeoJsonExporter.point(m.createTypedLiteral(
                "POINT(37.61581 49.71003)", new BaseDatatype(
                        "http://www.opengis.net/ont/geosparql#wktLiteral"))));
        assertArrayEquals(new double[] {37.6, 49.7}, GeoJsonExporter.point(m.createLiteral(
                "<http://www.opengis.net/def/crs/OGC/1.3/CRS84> Point Z (37.6 49.7 120)")));
        // EPSG:4326 puts latitude first.
        assertArrayEquals(new double[] {37.6, 49.7}, GeoJsonExporter.point(m.createLiteral(
                "<http://www.opengis.net/def/crs/EPSG/0/4326> POINT(49.7 37.6)")));
        assertNull(GeoJsonExporter.point(m.createLiteral("POINT(200 10)")));
        assertNull(GeoJsonExporter.point(m.createLiteral("POLYGON((0 0, 1 0, 1 1, 0 0))")));
        assertNull(GeoJsonExporter.point((RDFNode) m.createResource("http://example.org/x")));
    }
}
