package org.w3id.conflictkg.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.store.KgStore;

/**
 * What the server says about one of its IRIs: every triple with it as subject (from all graphs), the parts minted
 * under it (a place's geometry, an event's quantities), the claims that mention it with their events, up to
 * {@value #MAX_INCOMING} triples that point at it, and a label for every resource named.
 */
final class EntityDescriber {
    /** Incoming links beyond this many are left out (an oblast is the partOf of hundreds of places). */
    static final int MAX_INCOMING = 300;
    /** Claims beyond this many are left out of one description. */
    static final int MAX_CLAIMS = 500;
    private static final Node LABEL = RDFS.label.asNode();

    private final KgStore store;

    EntityDescriber(KgStore store) {
        this.store = store;
    }

    /** The description, or null when the store knows nothing of the IRI. */
    Model describe(String iri) {
        Node x = NodeFactory.createURI(iri);
        return Txn.calculateRead(store.dataset(), () -> {
            // The union of the named graphs: the default graph queries see (the contract).
            Graph all = store.datasetGraph().getUnionGraph();
            Model m = ModelFactory.createDefaultModel();
            Graph out = m.getGraph();
            copy(all, x, Node.ANY, Node.ANY, out, Integer.MAX_VALUE);
            if (out.isEmpty() && !all.contains(Node.ANY, Node.ANY, x)) {
                return null;
            }
            addParts(all, x, out);
            for (Node claim : claimsAbout(all, x)) {
                copy(all, claim, Node.ANY, Node.ANY, out, Integer.MAX_VALUE);
                for (Node event : objects(all, claim, CKG.asserts.asNode())) {
                    copy(all, event, Node.ANY, Node.ANY, out, Integer.MAX_VALUE);
                    addParts(all, event, out);
                }
            }
            copy(all, Node.ANY, Node.ANY, x, out, MAX_INCOMING);
            addLabels(all, out);
            return m;
        });
    }

    /**
     * Claims that mention x: x is their claimant, their event's place or actor, or (for a report) the report they
     * are stated in.
     */
    private static Set<Node> claimsAbout(Graph all, Node x) {
        Set<Node> claims = new LinkedHashSet<>();
        claims.addAll(subjects(all, CKG.claimant.asNode(), x));
        claims.addAll(subjects(all, CKG.statedIn.asNode(), x));
        for (Node p : List.of(CKG.place.asNode(), CKG.actor.asNode())) {
            for (Node event : subjects(all, p, x)) {
                claims.addAll(subjects(all, CKG.asserts.asNode(), event));
            }
        }
        claims.remove(x);
        if (claims.size() > MAX_CLAIMS) {
            return new LinkedHashSet<>(new ArrayList<>(claims).subList(0, MAX_CLAIMS));
        }
        return claims;
    }

    /** Resources minted under x's IRI (x/geometry, x/quantity/1) that x points at: described with x. */
    private static void addParts(Graph all, Node x, Graph out) {
        for (Node o : objects(out, x, Node.ANY)) {
            if (o.isURI() && o.getURI().startsWith(x.getURI() + "/")) {
                copy(all, o, Node.ANY, Node.ANY, out, Integer.MAX_VALUE);
            }
        }
    }

    /** An rdfs:label (and the type) for every IRI in the description that has none there yet. */
    private static void addLabels(Graph all, Graph out) {
        Set<Node> named = new LinkedHashSet<>();
        out.find().forEachRemaining(t -> {
            named.add(t.getSubject());
            if (!t.getPredicate().equals(RDF.type.asNode())) {
                named.add(t.getObject());
            }
        });
        for (Node n : named) {
            if (n.isURI() && !out.contains(n, LABEL, Node.ANY)) {
                copy(all, n, LABEL, Node.ANY, out, 4);
            }
        }
    }

    private static void copy(Graph from, Node s, Node p, Node o, Graph to, int limit) {
        var it = from.find(s, p, o);
        try {
            int n = 0;
            while (it.hasNext() && n < limit) {
                Triple t = it.next();
                if (!to.contains(t)) {
                    to.add(t);
                    n++;
                }
            }
        } finally {
            Iter.close(it);
        }
    }

    private static List<Node> subjects(Graph g, Node p, Node o) {
        List<Node> out = new ArrayList<>();
        var it = g.find(Node.ANY, p, o);
        try {
            it.forEachRemaining(t -> out.add(t.getSubject()));
        } finally {
            Iter.close(it);
        }
        return out;
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        var it = g.find(s, p, Node.ANY);
        try {
            it.forEachRemaining(t -> out.add(t.getObject()));
        } finally {
            Iter.close(it);
        }
        return out;
    }
}
