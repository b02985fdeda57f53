package org.w3id.conflictkg.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.store.KgStore;

/**
 * Counts for the VoID and service descriptions, taken once when the server starts: triples in the union graph,
 * entities of the main classes (with their subclasses), and the named graphs.
 */
record DatasetStatistics(long triples, Map<Resource, Long> entities, List<String> graphs) {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetStatistics.class);
    /** The classes counted, in the order they are listed. */
    static final List<Resource> CLASSES = List.of(CKG.Report, CKG.Claim, CKG.Event, CKG.Place, CKG.Person,
            CKG.ArmedForce, CKG.Organisation);

    /**
     * Starts counting on a thread of its own, so a large store does not hold up the server's start; the descriptions
     * wait for the result when first asked.
     */
    static CompletableFuture<DatasetStatistics> computeInBackground(KgStore store) {
        CompletableFuture<DatasetStatistics> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                DatasetStatistics s = compute(store);
                LOG.info("dataset statistics: {} triples, {} named graphs ({} ms)", s.triples(), s.graphs().size(),
                        (System.nanoTime() - t0) / 1_000_000);
                f.complete(s);
            } catch (RuntimeException e) {
                // Typically the store closed under us (a test ending): the descriptions will answer 503.
                LOG.debug("dataset statistics failed: {}", e.toString());
                f.completeExceptionally(e);
            }
        }, "dataset-statistics");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** The counts, waiting for them up to a minute; null when they cannot be had. */
    static DatasetStatistics await(Future<DatasetStatistics> f) {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    static DatasetStatistics compute(KgStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            long triples = count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
            Map<Resource, Long> entities = new LinkedHashMap<>();
            for (Resource c : CLASSES) {
                // Subclasses first, then their instances: several times faster on TDB2 than a/subClassOf*.
                entities.put(c, count(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?c "
                        + "<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <" + c.getURI() + "> . ?x "
                        + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ?c }"));
            }
            List<String> graphs = new ArrayList<>();
            store.dataset().listNames().forEachRemaining(graphs::add);
            graphs.sort(null);
            return new DatasetStatistics(triples, entities, List.copyOf(graphs));
        });
    }

    private static long count(KgStore store, String query) {
        try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(query).build()) {
            ResultSet rs = qe.execSelect();
            QuerySolution row = rs.next();
            return row.getLiteral("n").getLong();
        }
    }
}
