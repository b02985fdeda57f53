package org.w3id.conflictkg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.dboe.base.file.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.rdf.CKG;

/**
 * The only code that opens TDB2: creates the store, keeps the ontology and gazetteer graphs current, and replaces a
 * report's named graph in one write transaction so a report is always wholly present or wholly absent.
 */
public final class KgStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KgStore.class);
    private static final Node HASH = CKG.graphHash.asNode();

    private final Dataset dataset;
    private final String description;

    private KgStore(Dataset dataset, String description) {
        this.dataset = dataset;
        this.description = description;
        // Queries and serve see one default graph: the union of the named graphs (the contract).
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    /** Opens (creating when missing) the TDB2 store in a folder. */
    public static KgStore open(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new KgException(dir + ": the store must be a folder, and this is a file");
            }
            Files.createDirectories(dir);
            return new KgStore(TDB2Factory.connectDataset(Location.create(dir)), dir.toString());
        } catch (KgException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new KgException(dir + ": cannot create the store folder (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("lock") || msg.contains("Lock")) {
                throw new KgException(dir + ": the store is in use by another process (a running `serve`?): "
                        + "stop it first, one process per store", e);
            }
            throw new KgException(dir + ": cannot open the store (" + msg + ")", e);
        }
    }

    /** A store in memory, for tests. */
    public static KgStore inMemory() {
        return new KgStore(TDB2Factory.createDataset(), "memory");
    }

    public Dataset dataset() {
        return dataset;
    }

    public DatasetGraph datasetGraph() {
        return dataset.asDatasetGraph();
    }

    @Override
    public String toString() {
        return description;
    }

    /** The content hash recorded on a named graph's own node, or null. */
    public String graphHash(String graphIri) {
        Node g = NodeFactory.createURI(graphIri);
        return Txn.calculateRead(dataset, () -> {
            var it = datasetGraph().find(g, g, HASH, Node.ANY);
            try {
                return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
            } finally {
                Iter.close(it);
            }
        });
    }

    /**
     * Replaces the named graph in one write transaction; an exception inside aborts it and the store is as before.
     * When {@code hash} is given it is recorded on the graph's node, so an unchanged graph need not be rewritten.
     */
    public void replaceGraph(String graphIri, Graph content, String hash) {
        Node g = NodeFactory.createURI(graphIri);
        Txn.executeWrite(dataset, () -> {
            DatasetGraph dsg = datasetGraph();
            dsg.removeGraph(g);
            content.find().forEach(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
            if (hash != null) {
                dsg.add(g, g, HASH, NodeFactory.createLiteralString(hash));
            }
        });
    }

    /** Replaces several named graphs in one write transaction: all land, or none. */
    public void replaceGraphs(Map<String, Graph> graphs) {
        Txn.executeWrite(dataset, () -> {
            DatasetGraph dsg = datasetGraph();
            for (Map.Entry<String, Graph> e : graphs.entrySet()) {
                Node g = NodeFactory.createURI(e.getKey());
                dsg.removeGraph(g);
                e.getValue().find().forEach(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
            }
        });
    }

    /** Number of quads in all named graphs. */
    public long quadCount() {
        return Txn.calculateRead(dataset, () -> {
            var it = datasetGraph().find();
            try {
                return Iter.count(it);
            } finally {
                Iter.close(it);
            }
        });
    }

    /** Names of the named graphs. */
    public Collection<String> graphNames() {
        return Txn.calculateRead(dataset, () -> {
            java.util.List<String> out = new java.util.ArrayList<>();
            dataset.listNames().forEachRemaining(out::add);
            return out;
        });
    }

    @Override
    public void close() {
        dataset.close();
        LOG.debug("closed store {}", description);
    }
}
