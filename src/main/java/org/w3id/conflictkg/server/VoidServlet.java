package org.w3id.conflictkg.server;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Future;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.rdf.Vocab;

/**
 * The VoID description at {@code /.well-known/void} (RFC 5785 and the VoID spec's well-known path): what the dataset
 * is, where to query it, its licence, IRI space and vocabularies, and how many triples and entities it holds.
 */
final class VoidServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    /** An IRI the dataset is known to describe, given as void:exampleResource when present. */
    static final String EXAMPLE = CKG.ID + "place/703656";

    private final transient Future<DatasetStatistics> stats;
    private final String base;

    VoidServlet(Future<DatasetStatistics> stats, String base) {
        this.stats = stats;
        this.base = base;
    }

    private static Property v(String local) {
        return ResourceFactory.createProperty(VOID + local);
    }

    /** The VoID graph, its links made from the server's base URL. */
    static Model describe(DatasetStatistics stats, String base) {
        Model m = RdfResponse.withPrefixes(ModelFactory.createDefaultModel());
        m.setNsPrefix("void", VOID);
        m.setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        Resource doc = m.createResource(base + ".well-known/void");
        Resource ds = m.createResource(base + ".well-known/void#ConflictKG");
        doc.addProperty(RDF.type, m.createResource(VOID + "DatasetDescription"))
                .addProperty(DCTerms.title, "VoID description of ConflictKG")
                .addProperty(m.createProperty("http://xmlns.com/foaf/0.1/primaryTopic"), ds);
        ds.addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                .addProperty(DCTerms.title, "ConflictKG", "en")
                .addProperty(DCTerms.description, "Claims about the Russia-Ukraine war extracted from news reports, "
                        + "each attributed to who made it and the report it came from, with the events, places, "
                        + "people and forces they are about.", "en")
                .addProperty(DCTerms.license, m.createResource(LICENSE))
                .addProperty(DCTerms.source, m.createResource("https://www.geonames.org/"))
                .addProperty(v("sparqlEndpoint"), m.createResource(base + "conflict/sparql"))
                .addProperty(v("dataDump"), m.createResource(base + "conflict"))
                .addProperty(v("uriSpace"), CKG.ID)
                .addProperty(v("vocabulary"), m.createResource(CKG.ONTOLOGY))
                .addProperty(v("vocabulary"), m.createResource(Vocab.GEO))
                .addProperty(v("vocabulary"), m.createResource("http://purl.org/dc/terms/"))
                .addProperty(v("vocabulary"), m.createResource(Vocab.SCHEMA))
                .addProperty(v("vocabulary"), m.createResource("http://www.w3.org/2004/02/skos/core#"))
                .addProperty(v("triples"), integer(m, stats.triples()));
        if (stats.entities().getOrDefault(CKG.Place, 0L) > 0) {
            ds.addProperty(v("exampleResource"), m.createResource(EXAMPLE));
        }
        for (Map.Entry<Resource, Long> e : stats.entities().entrySet()) {
            ds.addProperty(v("classPartition"), m.createResource()
                    .addProperty(v("class"), e.getKey())
                    .addProperty(v("entities"), integer(m, e.getValue())));
        }
        return m;
    }

    /** An xsd:integer, as VoID's examples write counts. */
    static Literal integer(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        RdfResponse.Kind kind = RdfResponse.choose(req, false);
        if (kind == null) {
            RdfResponse.notAcceptable(resp, false);
            return;
        }
        DatasetStatistics s = DatasetStatistics.await(stats);
        if (s == null) {
            resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the dataset statistics are not available");
            return;
        }
        RdfResponse.write(resp, describe(s, RdfResponse.base(req, base)), kind);
    }
}
