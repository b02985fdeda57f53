package org.w3id.conflictkg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
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
 * report's named graph in one write transaction so a report is always wholly present or wholly absent. Reads and
 * writes go through the store's full-text index ({@link TextIndex}), which every write keeps in step.
 */
public final class KgStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KgStore.class);
    private static final Node HASH = CKG.graphHash.asNode();

    private final Dataset dataset;
    private final DatasetGraph tdb;
    private final TextIndex textIndex;
    private final String description;
    private final Path folder;

    private KgStore(Dataset tdbDataset, TextIndex textIndex, String description, Path folder) {
        this.tdb = tdbDataset.asDatasetGraph();
        this.textIndex = textIndex;
        this.dataset = DatasetFactory.wrap(textIndex.attach(tdb));
        this.description = description;
        this.folder = folder;
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
            Dataset ds = TDB2Factory.connectDataset(Location.create(dir));
            if (BulkLoad.interrupted(dir)) {
                // Connecting took the lock, so no other process is loading: the marker is from a killed bulk load.
                ds = recoverFromBulkLoad(dir, ds);
            }
            KgStore store = new KgStore(ds, TextIndex.open(dir), dir.toString(), dir);
            try {
                store.textIndex.buildIfNew(store.datasetGraph(), store.tdb, store.description);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
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

    /**
     * Empties a store left half-written by a killed bulk load and connects again. The bulk path only runs on a store
     * without reports, so what is removed is the ontology and gazetteer, which the next ingest loads again.
     */
    private static Dataset recoverFromBulkLoad(Path dir, Dataset ds) throws java.io.IOException {
        LOG.warn("{}: a bulk load into this store was interrupted; emptying it (it held no reports before)", dir);
        org.apache.jena.tdb2.sys.TDBInternal.expel(ds.asDatasetGraph());
        try (Stream<Path> children = Files.list(dir)) {
            for (Path c : children.toList()) {
                String name = c.getFileName().toString();
                // The text index goes too: it held the base's labels, and opening builds it again.
                if (Files.isDirectory(c) && (name.startsWith("Data-") || name.equals(TextIndex.FOLDER))) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(dir.resolve(BulkLoad.MARKER));
        return TDB2Factory.connectDataset(Location.create(dir));
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A store in memory, for tests. */
    public static KgStore inMemory() {
        return new KgStore(TDB2Factory.createDataset(), TextIndex.inMemory(), "memory", null);
    }

    public Dataset dataset() {
        return dataset;
    }

    public DatasetGraph datasetGraph() {
        return dataset.asDatasetGraph();
    }

    /**
     * The TDB2 dataset under the text index, for TDB2's own tools (bulk loader, compaction, expel). What is written
     * to it directly is not in the text index until {@link #rebuildTextIndex()}.
     */
    DatasetGraph tdbDatasetGraph() {
        return tdb;
    }

    /**
     * Re-indexes the whole store for {@code text:query}, in one write transaction; needed after writing to
     * {@link #tdbDatasetGraph()} directly. Returns the number of documents (titles, quotes, labels) indexed.
     */
    public long rebuildTextIndex() {
        return textIndex.rebuild(datasetGraph(), tdb, description);
    }

    /** Indexes for {@code text:query} alongside a bulk load into {@link #tdbDatasetGraph()}; see TextIndex. */
    TextIndex.Streaming streamTextIndex() {
        return textIndex.startStreaming(tdb, description);
    }

    /** Enlists the text index in the transactions of the new TDB2 generation a compaction switched to. */
    void compacted() {
        textIndex.enlist(tdb);
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

    /** One named graph to write: its IRI, its triples and the content hash recorded with it. */
    public record GraphWrite(String graphIri, java.util.List<Triple> triples, String hash) {
        /** The quads written for it: its triples, and the hash on the graph's own node. */
        public long quads() {
            return triples.size() + (hash != null ? 1 : 0);
        }
    }

    /**
     * Writes several named graphs in one write transaction, each replacing its earlier version, except those whose
     * recorded hash is already the same (left as they are). All land or none. Returns, per graph, whether it was
     * written. A graph named twice is written twice, in order: the later one stands, as in separate transactions.
     */
    public boolean[] writeBatch(java.util.List<GraphWrite> batch) {
        boolean[] written = new boolean[batch.size()];
        Txn.executeWrite(dataset, () -> {
            DatasetGraph dsg = datasetGraph();
            for (int i = 0; i < batch.size(); i++) {
                GraphWrite w = batch.get(i);
                Node g = NodeFactory.createURI(w.graphIri());
                if (w.hash() != null && w.hash().equals(hashInTxn(dsg, g))) {
                    continue;
                }
                dsg.removeGraph(g);
                addAll(dsg, g, w);
                written[i] = true;
            }
        });
        return written;
    }

    private static String hashInTxn(DatasetGraph dsg, Node g) {
        var it = dsg.find(g, g, HASH, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        } finally {
            Iter.close(it);
        }
    }

    /** The quads of one graph write, as {@link #writeBatch} and the bulk loader both store them. */
    static void forEachQuad(GraphWrite w, java.util.function.Consumer<Quad> sink) {
        Node g = NodeFactory.createURI(w.graphIri());
        for (Triple t : w.triples()) {
            sink.accept(new Quad(g, t));
        }
        if (w.hash() != null) {
            sink.accept(new Quad(g, g, HASH, NodeFactory.createLiteralString(w.hash())));
        }
    }

    private static void addAll(DatasetGraph dsg, Node g, GraphWrite w) {
        forEachQuad(w, dsg::add);
    }

    /** True when the store holds no named graph other than the ontology and the gazetteer: nothing of a user's. */
    public boolean holdsOnlyBase() {
        return Txn.calculateRead(dataset, () -> {
            var it = datasetGraph().listGraphNodes();
            try {
                while (it.hasNext()) {
                    String g = it.next().getURI();
                    if (!g.equals(CKG.ONTOLOGY) && !g.equals(CKG.GAZETTEER_GRAPH)) {
                        return false;
                    }
                }
                return true;
            } finally {
                Iter.close(it);
            }
        });
    }

    /** The store's folder, or null for a store in memory. */
    public Path folder() {
        return folder;
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
        textIndex.release(tdb);
        dataset.close();
        LOG.debug("closed store {}", description);
    }
}
