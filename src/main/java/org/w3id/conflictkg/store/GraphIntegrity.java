package org.w3id.conflictkg.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.w3id.conflictkg.rdf.CKG;

/**
 * Checks that every report graph is whole: it names its {@code ckg:Report} and its content matches the hash that
 * ingest recorded in the same write transaction, so a half-written report cannot pass.
 */
public final class GraphIntegrity {
    /** The named graphs of reports: their names are report IRIs. */
    public static final String REPORT_GRAPH_PREFIX = CKG.ID + "report/";
    private static final Node HASH = CKG.graphHash.asNode();
    private static final Node REPORT = CKG.Report.asNode();

    /** The outcome: how many report graphs were checked, and one line for each that is not whole. */
    public record Result(int reportGraphs, List<String> broken) {
        public boolean whole() {
            return broken.isEmpty();
        }
    }

    private GraphIntegrity() {
    }

    /** Checks every report graph of a store inside one read transaction. */
    public static Result check(KgStore store) {
        return Txn.calculateRead(store.dataset(), () -> check(store.datasetGraph()));
    }

    /** Checks every report graph of a dataset (the caller holds a transaction when the dataset needs one). */
    public static Result check(DatasetGraph dsg) {
        List<Node> names = new ArrayList<>();
        Iterator<Node> it = dsg.listGraphNodes();
        try {
            it.forEachRemaining(g -> {
                if (g.isURI() && g.getURI().startsWith(REPORT_GRAPH_PREFIX)) {
                    names.add(g);
                }
            });
        } finally {
            Iter.close(it);
        }
        List<String> broken = new ArrayList<>();
        for (Node g : names) {
            Graph copy = GraphFactory.createDefaultGraph();
            var quads = dsg.find(g, Node.ANY, Node.ANY, Node.ANY);
            try {
                quads.forEachRemaining(q -> copy.add(q.asTriple()));
            } finally {
                Iter.close(quads);
            }
            String problem = problem(g.getURI(), copy);
            if (problem != null) {
                broken.add(g.getURI() + ": " + problem);
            }
        }
        return new Result(names.size(), broken);
    }

    /** True when a report graph, as read in one go (e.g. over HTTP), is whole. */
    public static boolean isWhole(String graphIri, Graph content) {
        return problem(graphIri, content) == null;
    }

    /** Why a report graph is not whole, or null when it is. */
    static String problem(String graphIri, Graph content) {
        Node g = NodeFactory.createURI(graphIri);
        List<Triple> hashes = content.find(g, HASH, Node.ANY).toList();
        if (hashes.size() != 1 || !hashes.get(0).getObject().isLiteral()) {
            return "no content hash (" + content.size() + " triples): not written by ingest, or partial";
        }
        if (!content.contains(g, RDF.type.asNode(), REPORT)) {
            return "no ckg:Report node (" + content.size() + " triples): partial";
        }
        Model body = ModelFactory.createDefaultModel();
        content.find().forEach(t -> {
            if (!(t.getSubject().equals(g) && t.getPredicate().equals(HASH))) {
                body.getGraph().add(t);
            }
        });
        String recorded = hashes.get(0).getObject().getLiteralLexicalForm();
        if (!recorded.equals(Ingester.fingerprint(body))) {
            return "content does not match its recorded hash (" + content.size() + " triples): partial or edited";
        }
        return null;
    }
}
