package org.w3id.conflictkg.server;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.rdf.Vocab;

/** Content negotiation and writing for the linked-data pages: which RDF syntax (or HTML) a client gets. */
final class RdfResponse {
    /** Where the public IRIs live; {@code --base} maps it to this server. */
    static final String W3ID = "https://w3id.org/conflict-kg/";

    /** The representations offered; the first is the default for clients that take anything. */
    enum Kind {
        TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY),
        JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD_PRETTY),
        NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES),
        RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PRETTY),
        HTML("text/html", "html", null);

        final String mediaType;
        final String suffix;
        final RDFFormat format;

        Kind(String mediaType, String suffix, RDFFormat format) {
            this.mediaType = mediaType;
            this.suffix = suffix;
            this.format = format;
        }
    }

    private static final AcceptList OFFER_WITH_HTML = AcceptList.create("text/turtle", "application/ld+json",
            "application/json", "application/n-triples", "text/plain", "application/rdf+xml", "text/html",
            "application/xhtml+xml");
    private static final AcceptList OFFER_RDF = AcceptList.create("text/turtle", "application/ld+json",
            "application/json", "application/n-triples", "text/plain", "application/rdf+xml");

    private RdfResponse() {
    }

    /**
     * The representation asked for: {@code ?format=ttl|jsonld|nt|rdf|html} wins, then the Accept header; Turtle when
     * the client takes anything; null when nothing offered is acceptable (406).
     */
    static Kind choose(HttpServletRequest req, boolean htmlOffered) {
        String f = req.getParameter("format");
        if (f != null) {
            for (Kind k : Kind.values()) {
                if (k.suffix.equals(f.toLowerCase(Locale.ROOT)) && (htmlOffered || k != Kind.HTML)) {
                    return k;
                }
            }
            return null;
        }
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return Kind.TURTLE;
        }
        MediaType m;
        try {
            m = AcceptList.match(new AcceptList(accept), htmlOffered ? OFFER_WITH_HTML : OFFER_RDF);
        } catch (RuntimeException e) {
            return Kind.TURTLE;
        }
        if (m == null) {
            return null;
        }
        return switch (m.getContentTypeStr()) {
            case "application/ld+json", "application/json" -> Kind.JSONLD;
            case "application/n-triples", "text/plain" -> Kind.NTRIPLES;
            case "application/rdf+xml" -> Kind.RDFXML;
            case "text/html", "application/xhtml+xml" -> Kind.HTML;
            default -> Kind.TURTLE;
        };
    }

    /** Writes the model in an RDF syntax, with our usual prefixes. */
    static void write(HttpServletResponse resp, Model m, Kind kind) throws IOException {
        withPrefixes(m);
        resp.setContentType(kind.mediaType + "; charset=utf-8");
        RDFDataMgr.write(resp.getOutputStream(), m, kind.format);
    }

    /** A 406 listing what is offered. */
    static void notAcceptable(HttpServletResponse resp, boolean htmlOffered) throws IOException {
        resp.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getWriter().println("offered: text/turtle, application/ld+json, application/n-triples, "
                + "application/rdf+xml" + (htmlOffered ? ", text/html" : "")
                + " (or ?format=ttl|jsonld|nt|rdf" + (htmlOffered ? "|html" : "") + ")");
    }

    static Model withPrefixes(Model m) {
        m.setNsPrefix("ckg", CKG.NS);
        m.setNsPrefix("ckgid", CKG.ID);
        m.setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        m.setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        m.setNsPrefix("owl", "http://www.w3.org/2002/07/owl#");
        m.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.setNsPrefix("dct", "http://purl.org/dc/terms/");
        m.setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#");
        m.setNsPrefix("schema", Vocab.SCHEMA);
        m.setNsPrefix("geo", Vocab.GEO);
        m.setNsPrefix("prov", Vocab.PROV);
        return m;
    }

    /**
     * The URL this server is reached at, ending in {@code /}: the configured {@code --base}, else the scheme, host
     * and port of the request.
     */
    static String base(HttpServletRequest req, String configured) {
        if (configured != null) {
            return configured;
        }
        return req.getScheme() + "://" + hostPort(req) + req.getContextPath() + "/";
    }

    private static String hostPort(HttpServletRequest req) {
        String host = req.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = req.getServerPort();
        boolean dflt = port <= 0 || (req.getScheme().equals("http") && port == 80)
                || (req.getScheme().equals("https") && port == 443);
        return dflt ? host : host + ":" + port;
    }

    /** Checks and normalises a {@code --base} URL: absolute http(s), ending in {@code /}; null stays null. */
    static String checkBase(String base) {
        if (base == null || base.isBlank()) {
            return null;
        }
        String b = base.strip();
        if (!(b.startsWith("http://") || b.startsWith("https://")) || b.contains(" ") || b.contains("#")
                || b.contains("?")) {
            throw new KgException("--base " + base + ": must be an absolute http(s) URL, e.g. http://127.0.0.1:3030/");
        }
        return b.endsWith("/") ? b : b + "/";
    }

    /** Our public IRIs as links into this server; others unchanged. */
    static String localLink(String iri, String base) {
        return iri.startsWith(W3ID) ? base + iri.substring(W3ID.length()) : iri;
    }
}
