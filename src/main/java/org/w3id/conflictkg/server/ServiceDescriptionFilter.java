package org.w3id.conflictkg.server;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Future;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The SPARQL 1.1 service description ({@code sd:Service}): returned for a GET of the endpoint without a query (as
 * the SD spec asks; Fuseki itself answers 404 there) and at {@code /conflict/service-description}. Everything else
 * passes on to Fuseki.
 */
final class ServiceDescriptionFilter implements Filter {
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";

    private final Future<DatasetStatistics> stats;
    private final Set<String> federation;
    private final String base;

    /** {@code federation}: the SERVICE allow-list, stated in the description. */
    ServiceDescriptionFilter(Future<DatasetStatistics> stats, Set<String> federation, String base) {
        this.stats = stats;
        this.federation = federation;
        this.base = base;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        boolean get = req.getMethod().equals("GET") || req.getMethod().equals("HEAD");
        boolean description = req.getRequestURI().endsWith("/service-description");
        // Only a bare GET of the endpoint is a request for its description; any parameter is Fuseki's to handle.
        if (!get || (!description && req.getQueryString() != null && !req.getQueryString().isEmpty())) {
            chain.doFilter(request, response);
            return;
        }
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
        RdfResponse.write(resp, describe(s, federation, RdfResponse.base(req, base)), kind);
    }

    private static Property sd(Model m, String local) {
        return m.createProperty(SD + local);
    }

    /** The sd:Service graph. */
    static Model describe(DatasetStatistics stats, Set<String> federation, String base) {
        Model m = RdfResponse.withPrefixes(ModelFactory.createDefaultModel());
        m.setNsPrefix("sd", SD);
        m.setNsPrefix("void", VoidServlet.VOID);
        m.setNsPrefix("formats", FORMATS);
        String endpoint = base + "conflict/sparql";
        Resource service = m.createResource(endpoint + "#service");
        service.addProperty(RDF.type, m.createResource(SD + "Service"))
                .addProperty(sd(m, "endpoint"), m.createResource(endpoint))
                .addProperty(sd(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
                .addProperty(sd(m, "feature"), m.createResource(SD + "UnionDefaultGraph"))
                .addProperty(sd(m, "feature"), m.createResource(SD + "BasicFederatedQuery"));
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
            "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"}) {
            service.addProperty(sd(m, "resultFormat"), m.createResource(FORMATS + f));
        }
        service.addProperty(RDFS.comment, "Read-only. The default graph is the union of the named graphs (one per "
                + "report, plus the ontology and the gazetteer). SERVICE may call only: "
                + (federation.isEmpty() ? "no endpoint" : String.join(", ", federation)) + ".", "en");
        service.addProperty(RDFS.seeAlso, m.createResource(base + ".well-known/void"));
        Resource dataset = m.createResource(base + ".well-known/void#ConflictKG");
        service.addProperty(sd(m, "defaultDataset"), dataset);
        dataset.addProperty(RDF.type, m.createResource(SD + "Dataset"));
        dataset.addProperty(sd(m, "defaultGraph"), m.createResource()
                .addProperty(RDF.type, m.createResource(SD + "Graph"))
                .addProperty(m.createProperty(VoidServlet.VOID + "triples"),
                        VoidServlet.integer(m, stats.triples())));
        for (String g : stats.graphs()) {
            dataset.addProperty(sd(m, "namedGraph"), m.createResource()
                    .addProperty(RDF.type, m.createResource(SD + "NamedGraph"))
                    .addProperty(sd(m, "name"), m.createResource(g)));
        }
        return m;
    }
}
