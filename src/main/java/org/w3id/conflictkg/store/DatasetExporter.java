package org.w3id.conflictkg.store;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.Locale;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.rdf.Vocab;

/** Writes the whole store, every named graph, as N-Quads or TriG in one read transaction (a consistent snapshot). */
public final class DatasetExporter {
    /** The dump syntaxes: both keep the named graphs, so a dump reloads into the same store. */
    public enum Format {
        NQUADS(RDFFormat.NQUADS_UTF8), TRIG(RDFFormat.TRIG_BLOCKS);

        final RDFFormat rdfFormat;

        Format(RDFFormat rdfFormat) {
            this.rdfFormat = rdfFormat;
        }

        /** Parses {@code nquads} or {@code trig} (any case), naming the bad value otherwise. */
        public static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "nquads", "n-quads", "nq" -> NQUADS;
                case "trig" -> TRIG;
                default -> throw new KgException("--format " + s + ": not an export format (nquads or trig)");
            };
        }
    }

    private DatasetExporter() {
    }

    /** Writes every quad of the store, streaming graph by graph; returns how many were written. */
    public static long write(KgStore store, Format format, OutputStream out) {
        return Txn.calculateRead(store.dataset(), () -> {
            StreamRDF w = StreamRDFWriter.getWriterStream(out, format.rdfFormat);
            w.start();
            if (format == Format.TRIG) {
                w.prefix("ckg", CKG.NS);
                w.prefix("ckgid", CKG.ID);
                w.prefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
                w.prefix("xsd", "http://www.w3.org/2001/XMLSchema#");
                w.prefix("owl", "http://www.w3.org/2002/07/owl#");
                w.prefix("geo", Vocab.GEO);
            }
            long n = 0;
            // TDB2 lists quads graph by graph, so the TriG writer opens each graph's block once.
            Iterator<Quad> it = store.datasetGraph().find();
            try {
                while (it.hasNext()) {
                    w.quad(it.next());
                    n++;
                }
            } finally {
                Iter.close(it);
            }
            w.finish();
            return n;
        });
    }
}
