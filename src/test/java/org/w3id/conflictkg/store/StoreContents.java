package org.w3id.conflictkg.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/** Test helper: a store's named graphs copied out of TDB2, and comparison of graphs and whole datasets. */
public final class StoreContents {
    private StoreContents() {
    }

    /** One named graph of a store, copied out in a read transaction. */
    public static Graph graph(KgStore s, String name) {
        return Txn.calculateRead(s.dataset(), () -> graph(s.datasetGraph(), name));
    }

    /** One named graph of a dataset, copied (the caller holds a transaction when the dataset needs one). */
    public static Graph graph(DatasetGraph dsg, String name) {
        Node g = NodeFactory.createURI(name);
        Graph out = GraphFactory.createDefaultGraph();
        var it = dsg.find(g, Node.ANY, Node.ANY, Node.ANY);
        try {
            it.forEachRemaining(q -> out.add(q.asTriple()));
        } finally {
            Iter.close(it);
        }
        return out;
    }

    /** Every named graph of a dataset, copied, by name. */
    public static Map<String, Graph> graphs(DatasetGraph dsg) {
        List<String> names = new ArrayList<>();
        Iterator<Node> it = dsg.listGraphNodes();
        try {
            it.forEachRemaining(n -> names.add(n.getURI()));
        } finally {
            Iter.close(it);
        }
        Map<String, Graph> out = new TreeMap<>();
        for (String n : names) {
            out.put(n, graph(dsg, n));
        }
        return out;
    }

    /** Every named graph of a store, copied in one read transaction, by name. */
    public static Map<String, Graph> graphs(KgStore s) {
        return Txn.calculateRead(s.dataset(), () -> graphs(s.datasetGraph()));
    }

    /** Same triples: compared as sets when there are no blank nodes (fast), else by isomorphism. */
    public static boolean same(Graph a, Graph b) {
        if (a.size() != b.size()) {
            return false;
        }
        boolean blank = a.find().filterKeep(t -> t.getSubject().isBlank() || t.getObject().isBlank()).hasNext();
        return blank ? a.isIsomorphicWith(b) : !a.find().filterDrop(b::contains).hasNext();
    }

    /** Null when both have the same named graphs with the same triples, else the first difference. */
    public static String difference(Map<String, Graph> expected, Map<String, Graph> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            List<String> missing = new ArrayList<>(expected.keySet());
            missing.removeAll(actual.keySet());
            List<String> extra = new ArrayList<>(actual.keySet());
            extra.removeAll(expected.keySet());
            return "graphs differ: missing " + missing + ", extra " + extra;
        }
        for (Map.Entry<String, Graph> e : expected.entrySet()) {
            Graph a = actual.get(e.getKey());
            if (!same(e.getValue(), a)) {
                return e.getKey() + ": " + e.getValue().size() + " triples expected, " + a.size() + " found, or other "
                        + "triples";
            }
        }
        return null;
    }
}
