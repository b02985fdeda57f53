package org.w3id.conflictkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.dboe.transaction.txn.ComponentId;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionalComponent;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDocProducer;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexDB;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.changes.DatasetGraphTextMonitor;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.rdf.CKG;

/**
 * The Lucene index that {@code text:query} searches: report titles, the quotes of claims and events, and the labels
 * of places, people and forces, one document per literal, tied to its subject and named graph. It lives in the
 * store's {@code text/} folder and takes part in TDB2's transactions, so a write through {@link KgStore} changes the
 * index in the same commit, and replacing a report's graph removes the old report's words.
 */
public final class TextIndex {
    private static final Logger LOG = LoggerFactory.getLogger(TextIndex.class);
    /** The index's folder inside the store folder, next to TDB2's {@code Data-NNNN}. */
    public static final String FOLDER = "text";
    /** Lucene fields; {@code text:query (ckg:quote "word")} searches the field of the predicate it names. */
    static final String QUOTE = "quote";
    static final String TITLE = "title";
    static final String LABEL = "label";
    private static final List<Node> PREDICATES = List.of(CKG.quote.asNode(), DCTerms.title.asNode(),
            RDFS.label.asNode(), SKOS.altLabel.asNode());
    /** Our place among the TDB2 transaction's components; the id jena-text's own TDB2 datasets use. */
    private static final ComponentId COMPONENT = ComponentId.create(null, new byte[] {2, 4, 6, 10});
    private static final int PROGRESS_EVERY = 100_000;
    private static final double REBUILD_BUFFER_MB = 256;
    private static final double WRITE_BUFFER_MB = 64;
    /**
     * One index per store folder in this JVM: Lucene lets one writer hold a folder, and TDB2 likewise shares one
     * database among all connections to a folder (a {@code backup} or {@code compact} run beside a {@code serve}).
     */
    private static final Map<Path, TextIndex> OPEN = new HashMap<>();

    static {
        TextQuery.init();
    }

    private final TextIndexLucene lucene;
    private final EntityDefinition entities;
    private final TransactionalComponent component;
    private final Path folder;
    private boolean created;
    private int users;

    private TextIndex(Directory directory, Path folder, boolean created) {
        this.entities = entityDefinition();
        TextIndexConfig config = new TextIndexConfig(entities);
        config.setAnalyzer(new StandardAnalyzer());
        this.lucene = new TextIndexLucene(directory, config);
        this.component = new TextIndexDB(COMPONENT, lucene);
        this.folder = folder;
        this.created = created;
    }

    private static EntityDefinition entityDefinition() {
        EntityDefinition d = new EntityDefinition("uri", QUOTE, CKG.quote.asNode());
        d.set(TITLE, DCTerms.title.asNode());
        d.set(LABEL, RDFS.label.asNode());
        d.set(LABEL, SKOS.altLabel.asNode());
        // The graph ties a hit to its report; the uid (a hash of graph, subject, field and text) lets a deleted
        // triple delete exactly its own document.
        d.setGraphField("graph");
        d.setUidField("uid");
        return d;
    }

    /** The index of the store in {@code storeDir}, created empty when the folder has none yet. */
    static synchronized TextIndex open(Path storeDir) {
        Path key = storeDir.toAbsolutePath().normalize();
        TextIndex t = OPEN.get(key);
        if (t == null) {
            Path dir = key.resolve(FOLDER);
            try {
                Files.createDirectories(dir);
                Directory directory = FSDirectory.open(dir);
                t = new TextIndex(directory, key, !DirectoryReader.indexExists(directory));
            } catch (IOException e) {
                throw new KgException(dir + ": cannot open the text index (" + e.getMessage() + ")", e);
            }
            OPEN.put(key, t);
        }
        t.users++;
        return t;
    }

    /** An index in memory, for a store in memory. */
    static TextIndex inMemory() {
        TextIndex t = new TextIndex(new ByteBuffersDirectory(), null, true);
        t.users = 1;
        return t;
    }

    /**
     * Enlists the index in the TDB2 dataset's transactions, makes it the one {@code text:query} searches, and returns
     * the dataset seen through the index: every quad added or deleted through it is added to or deleted from the
     * index, committed or aborted with the TDB2 transaction it happens in.
     */
    DatasetGraph attach(DatasetGraph tdb) {
        enlist(tdb);
        tdb.getContext().set(TextQuery.textIndex, lucene);
        // No check for existing quads before each add: our writes replace whole graphs, and the check costs a lookup.
        return new DatasetGraphTextMonitor(tdb, new Changes(), false);
    }

    /**
     * Makes sure the TDB2 transaction coordinator of the dataset commits and aborts the index with its own; needed
     * again after compaction, which moves the dataset to a new generation with a coordinator of its own.
     */
    void enlist(DatasetGraph tdb) {
        TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(tdb);
        if (coordinator.listExternals().contains(component)) {
            return;
        }
        coordinator.modifyConfig(() -> {
            // A component under our id is from an index of this folder closed earlier in this JVM.
            coordinator.listExternals().stream().filter(c -> c.getComponentId().equals(COMPONENT)).toList()
                    .forEach(coordinator::removeExternal);
            coordinator.addExternal(component);
        });
    }

    /**
     * Builds the index from the store when it was missing (a store from before full-text search, or whose
     * {@code text/} folder was deleted to have it rebuilt). {@code indexed} is the store's dataset seen through the
     * index, {@code tdb} the TDB2 dataset under it.
     */
    synchronized void buildIfNew(DatasetGraph indexed, DatasetGraph tdb, String store) {
        if (!created || folder == null) {
            return;
        }
        created = false;
        boolean empty = Txn.calculateRead(tdb, () -> {
            Iterator<Quad> it = tdb.find();
            try {
                return !it.hasNext();
            } finally {
                Iter.close(it);
            }
        });
        if (!empty) {
            LOG.info("{}: no text index yet (a store from before full-text search); building it", store);
            rebuild(indexed, tdb, store);
        }
    }

    /**
     * Re-indexes the whole store: clears the index, then indexes every triple of the indexed predicates, in one TDB2
     * write transaction so no other write interleaves and the new index is committed whole or not at all. For
     * writes that bypassed the index, such as TDB2's bulk loader. Returns the number of documents indexed.
     */
    long rebuild(DatasetGraph indexed, DatasetGraph tdb, String store) {
        long start = System.nanoTime();
        long[] docs = {0};
        Txn.executeWrite(indexed, () -> {
            try {
                // A big in-memory buffer: far fewer segments to flush and merge than with Lucene's 16 MB default.
                lucene.getIndexWriter().getConfig().setRAMBufferSizeMB(REBUILD_BUFFER_MB);
                lucene.getIndexWriter().deleteAll();
            } catch (IOException e) {
                throw new KgException(store + ": cannot clear the text index (" + e.getMessage() + ")", e);
            }
            forEachIndexedQuad(tdb, q -> {
                Entity e = TextQueryFuncs.entityFromQuad(entities, q);
                if (e != null) {
                    lucene.addEntity(e);
                    if (++docs[0] % PROGRESS_EVERY == 0) {
                        LOG.info("{}: text index: {} documents ({} ms)", store, docs[0], millisSince(start));
                    }
                }
            });
        });
        lucene.getIndexWriter().getConfig().setRAMBufferSizeMB(WRITE_BUFFER_MB);
        LOG.info("{}: text index rebuilt: {} documents in {} ms", store, docs[0], millisSince(start));
        return docs[0];
    }

    /**
     * Starts indexing alongside a write that bypasses the index (TDB2's bulk loader): clears the index, indexes what
     * the store holds already (the ontology and gazetteer a first load starts from), and returns a sink for the
     * quads the load adds. Nothing is committed until {@link Streaming#commit()}; a load that fails or is killed
     * leaves the last committed index, and the bulk-load marker has the whole store (index included) emptied.
     */
    Streaming startStreaming(DatasetGraph tdb, String store) {
        try {
            // Not the rebuild's 256 MB: beside a bulk load the heap is shared with extraction and the loader, and a
            // big buffer made full collections under a 2 GB heap.
            lucene.getIndexWriter().getConfig().setRAMBufferSizeMB(WRITE_BUFFER_MB);
            lucene.getIndexWriter().deleteAll();
        } catch (IOException e) {
            throw new KgException(store + ": cannot clear the text index (" + e.getMessage() + ")", e);
        }
        Streaming s = new Streaming(store);
        Txn.executeRead(tdb, () -> forEachIndexedQuad(tdb, s::add));
        return s;
    }

    /** Every stored quad of an indexed predicate (titles, quotes, labels), read inside the caller's transaction. */
    private static void forEachIndexedQuad(DatasetGraph tdb, java.util.function.Consumer<Quad> sink) {
        for (Node p : PREDICATES) {
            Iterator<Quad> it = tdb.find(Node.ANY, Node.ANY, p, Node.ANY);
            try {
                it.forEachRemaining(sink);
            } finally {
                Iter.close(it);
            }
        }
    }

    /** Indexes quads as a bulk load streams them; see {@link #startStreaming}. */
    final class Streaming {
        private final String store;
        private long docs;

        private Streaming(String store) {
            this.store = store;
        }

        /** Indexes the quad when its predicate is one of the indexed ones. */
        void add(Quad q) {
            Node p = q.getPredicate();
            if (!p.isURI() || !PREDICATES.contains(p)) {
                return;
            }
            Entity e = TextQueryFuncs.entityFromQuad(entities, q);
            if (e != null) {
                lucene.addEntity(e);
                docs++;
            }
        }

        /** Commits the documents added; returns how many there are. */
        long commit() {
            lucene.commit();
            LOG.debug("{}: text index written alongside the bulk load: {} documents", store, docs);
            return docs;
        }

        /** Drops what was added since the last commit. */
        void abort() {
            try {
                lucene.rollback();
            } catch (RuntimeException e) {
                LOG.debug("text index rollback", e);
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Lets go of the index when the last store open on its folder closes. */
    void release(DatasetGraph tdb) {
        synchronized (TextIndex.class) {
            if (--users > 0) {
                return;
            }
            if (folder != null) {
                OPEN.remove(folder);
            }
        }
        TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(tdb);
        if (coordinator.listExternals().contains(component)) {
            coordinator.modifyConfig(() -> coordinator.removeExternal(component));
        }
        lucene.close();
    }

    /** Turns the quads added to and deleted from the store into index documents added and deleted. */
    private final class Changes implements TextDocProducer {
        @Override
        public void start() {
        }

        @Override
        public void change(TextQuadAction action, Node g, Node s, Node p, Node o) {
            if (action != TextQuadAction.ADD && action != TextQuadAction.DELETE) {
                return;
            }
            Entity e = TextQueryFuncs.entityFromQuad(entities, g, s, p, o);
            if (e == null) {
                return;
            }
            // Not committed here: the TDB2 commit commits the index (see enlist).
            if (action == TextQuadAction.ADD) {
                lucene.addEntity(e);
            } else {
                lucene.deleteEntity(e);
            }
        }

        @Override
        public void finish() {
        }

        @Override
        public void reset() {
        }
    }
}
