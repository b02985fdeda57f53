package org.w3id.conflictkg.store;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.report.ReportReader;

/** Shared fixtures: the bundled gazetteer loaded once, and stores built from the project's own data. */
public final class TestStores {
    private static Gazetteer gazetteer;

    private TestStores() {
    }

    public static synchronized Gazetteer gazetteer() {
        if (gazetteer == null) {
            gazetteer = Gazetteer.loadBundled();
        }
        return gazetteer;
    }

    public static Ingester ingester(KgStore store) {
        return new Ingester(store, gazetteer(), new Extractor(gazetteer()), new ReportReader(), false);
    }

    /** An in-memory store with data/reports ingested. */
    public static KgStore withBundledReports() {
        KgStore store = KgStore.inMemory();
        Ingester.Summary s = ingester(store).ingest(List.of(Path.of("data/reports")));
        if (s.failed() > 0) {
            throw new IllegalStateException("data/reports did not ingest cleanly: " + s.errors());
        }
        return store;
    }

    /** Runs a SELECT and returns the rows. */
    public static List<QuerySolution> select(KgStore store, String sparql) {
        String q = """
                PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                PREFIX owl: <http://www.w3.org/2002/07/owl#>
                PREFIX geo: <http://www.opengis.net/ont/geosparql#>
                """ + sparql;
        return select(store, QueryFactory.create(q));
    }

    /** Runs a parsed SELECT and returns the rows. */
    public static List<QuerySolution> select(KgStore store, Query q) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
                List<QuerySolution> rows = new java.util.ArrayList<>();
                // Copied inside the transaction: TDB2 nodes cannot be read after it ends.
                org.apache.jena.query.ResultSetFactory.copyResults(qe.execSelect()).forEachRemaining(rows::add);
                return rows;
            }
        });
    }
}
