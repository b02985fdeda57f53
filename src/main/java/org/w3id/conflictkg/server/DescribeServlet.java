package org.w3id.conflictkg.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.rdf.model.Model;
import org.w3id.conflictkg.rdf.CKG;

/**
 * Makes our IRIs dereferenceable: {@code GET /id/place/703656} answers for
 * {@code https://w3id.org/conflict-kg/id/place/703656} with its description in Turtle, JSON-LD, N-Triples or RDF/XML
 * by Accept header (or {@code ?format=}), or as an HTML page for browsers; 404 for an IRI the store does not know.
 */
final class DescribeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient EntityDescriber describer;
    private final String base;

    /** {@code base}: the URL our w3id IRIs map to in links, or null to take it from each request. */
    DescribeServlet(EntityDescriber describer, String base) {
        this.describer = describer;
        this.base = base;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!path.startsWith("/id/") || path.length() == "/id/".length() || path.contains("..")) {
            notFound(resp, path);
            return;
        }
        RdfResponse.Kind kind = RdfResponse.choose(req, true);
        if (kind == null) {
            RdfResponse.notAcceptable(resp, true);
            return;
        }
        String iri = CKG.ID + path.substring("/id/".length());
        Model m = describer.describe(iri);
        if (m == null) {
            notFound(resp, path);
            return;
        }
        if (kind == RdfResponse.Kind.HTML) {
            resp.setContentType("text/html; charset=utf-8");
            resp.getOutputStream().write(DescriptionPage.render(m, iri, RdfResponse.base(req, base))
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        RdfResponse.write(resp, m, kind);
    }

    private static void notFound(HttpServletResponse resp, String path) throws IOException {
        resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getWriter().println("not found: nothing is known about " + RdfResponse.W3ID + path.substring(1));
    }
}
