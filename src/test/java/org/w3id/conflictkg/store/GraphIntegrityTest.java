package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.conflictkg.rdf.CKG;

/** A report graph passes only when whole: its Report node is there and its content matches its recorded hash. */
class GraphIntegrityTest {
    private static final String R1 = GraphIntegrity.REPORT_GRAPH_PREFIX + "r1";
    private static final String R2 = GraphIntegrity.REPORT_GRAPH_PREFIX + "r2";

    private static Model report(String iri, int claims) {
        Model m = ModelFactory.createDefaultModel();
        m.add(m.createResource(iri), RDF.type, CKG.Report);
        for (int i = 0; i < claims; i++) {
            m.add(m.createResource(iri + "/claim/" + i), RDF.type, CKG.Claim);
            m.add(m.createResource(iri + "/claim/" + i), CKG.statedIn, m.createResource(iri));
        }
        return m;
    }

    private static void write(KgStore s, String iri, Model m) {
        s.replaceGraph(iri, m.getGraph(), Ingester.fingerprint(m));
    }

    @Test
    void wholeReportGraphsPassAndOtherGraphsAreNotChecked() {
        try (KgStore s = KgStore.inMemory()) {
            write(s, R1, report(R1, 3));
            write(s, R2, report(R2, 0));
            s.replaceGraph("urn:x:not-a-report", report("urn:x:not-a-report", 1).getGraph(), null);
            GraphIntegrity.Result r = GraphIntegrity.check(s);
            assertEquals(2, r.reportGraphs());
            assertTrue(r.whole(), r.broken()::toString);
        }
    }

    @Test
    void aReportGraphMissingATripleOrItsHashOrItsReportNodeIsNotWhole() {
        try (KgStore s = KgStore.inMemory()) {
            write(s, R1, report(R1, 3));
            Node g = NodeFactory.createURI(R1);
            Txn.executeWrite(s.dataset(), () -> s.datasetGraph().delete(g, NodeFactory.createURI(R1 + "/claim/1"),
                    CKG.statedIn.asNode(), g));
            s.replaceGraph(R2, report(R2, 2).getGraph(), null);
            String r3 = GraphIntegrity.REPORT_GRAPH_PREFIX + "r3";
            Model noReport = report(r3, 1);
            noReport.removeAll(noReport.createResource(r3), RDF.type, CKG.Report);
            write(s, r3, noReport);
            GraphIntegrity.Result r = GraphIntegrity.check(s);
            assertEquals(3, r.broken().size(), r.broken()::toString);
            assertTrue(r.broken().stream().anyMatch(b -> b.startsWith(R1) && b.contains("does not match")));
            assertTrue(r.broken().stream().anyMatch(b -> b.startsWith(R2) && b.contains("no content hash")));
            assertTrue(r.broken().stream().anyMatch(b -> b.startsWith(r3) && b.contains("no ckg:Report")));
        }
    }
}
