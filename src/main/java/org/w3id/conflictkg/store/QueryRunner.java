package org.w3id.conflictkg.store;

import java.io.OutputStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.w3id.conflictkg.KgException;

/** Runs one SPARQL query against a store and writes the results in a standard format. */
public final class QueryRunner {
    /** Output formats: the W3C SPARQL results formats; CONSTRUCT and DESCRIBE always write Turtle. */
    public enum Format {
        JSON, CSV, TSV, XML;

        public static Format parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new KgException("--format " + s + ": unknown (use json, csv, tsv or xml)");
            }
        }
    }

    private QueryRunner() {
    }

    /** Parses a query, naming the source and the syntax error in one line when it is malformed. */
    public static Query parse(String sparql, String source) {
        try {
            return QueryFactory.create(sparql, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            throw new KgException(source + ": malformed SPARQL (" + oneLine(e.getMessage()) + ")");
        }
    }

    /** Runs the query in a read transaction; {@code timeoutMillis} &le; 0 means no limit. */
    public static void run(KgStore store, Query query, Format format, OutputStream out, long timeoutMillis) {
        Spatial.init();
        Txn.executeRead(store.dataset(), () -> {
            var builder = QueryExecution.dataset(store.dataset()).query(query);
            if (timeoutMillis > 0) {
                builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            try (QueryExecution qe = builder.build()) {
                write(qe, query, format, out);
            } catch (QueryCancelledException e) {
                throw new KgException("query: cancelled after the time limit of " + timeoutMillis + " ms");
            }
        });
    }

    private static void write(QueryExecution qe, Query query, Format format, OutputStream out) {
        if (query.isSelectType()) {
            ResultSet rs = qe.execSelect();
            switch (format) {
                case JSON -> ResultSetFormatter.outputAsJSON(out, rs);
                case CSV -> ResultSetFormatter.outputAsCSV(out, rs);
                case TSV -> ResultSetFormatter.outputAsTSV(out, rs);
                case XML -> ResultSetFormatter.outputAsXML(out, rs);
            }
        } else if (query.isAskType()) {
            boolean b = qe.execAsk();
            switch (format) {
                case JSON -> ResultSetFormatter.outputAsJSON(out, b);
                case CSV -> ResultSetFormatter.outputAsCSV(out, b);
                case TSV -> ResultSetFormatter.outputAsTSV(out, b);
                case XML -> ResultSetFormatter.outputAsXML(out, b);
            }
        } else {
            Model m = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
            RDFDataMgr.write(out, m, Lang.TURTLE);
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
