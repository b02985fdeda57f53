package org.w3id.conflictkg.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.w3id.conflictkg.rdf.CKG;

/**
 * The HTML page for one entity: its label and types, a table of its properties, the claims that mention it and
 * what links to it, every resource shown by its label and linked onward (our IRIs to this server).
 */
final class DescriptionPage {
    private final Model m;
    private final Resource subject;
    private final String base;
    private final Map<String, String> labels = new HashMap<>();

    private DescriptionPage(Model m, String iri, String base) {
        this.m = RdfResponse.withPrefixes(m);
        this.subject = m.createResource(iri);
        this.base = base;
        m.listStatements(null, RDFS.label, (RDFNode) null).forEachRemaining(this::keepLabel);
        m.listStatements(null, DCTerms.title, (RDFNode) null).forEachRemaining(this::keepLabel);
    }

    /** The page for {@code iri}, whose description is {@code m}; links use {@code base} for our IRIs. */
    static String render(Model m, String iri, String base) {
        return new DescriptionPage(m, iri, base).html();
    }

    private void keepLabel(Statement s) {
        if (!s.getSubject().isURIResource() || !s.getObject().isLiteral()) {
            return;
        }
        String uri = s.getSubject().getURI();
        Literal l = s.getLiteral();
        // An English label wins over others; otherwise the first seen stays.
        if (!labels.containsKey(uri) || l.getLanguage().startsWith("en")) {
            labels.put(uri, l.getLexicalForm());
        }
    }

    private String html() {
        String title = labels.getOrDefault(subject.getURI(), shortName(subject.getURI()));
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append(" · ConflictKG</title>\n");
        for (RdfResponse.Kind k : RdfResponse.Kind.values()) {
            if (k != RdfResponse.Kind.HTML) {
                h.append("<link rel=\"alternate\" type=\"").append(k.mediaType).append("\" href=\"?format=")
                        .append(k.suffix).append("\">\n");
            }
        }
        h.append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<header><a href=\"").append(esc(base))
                .append("\">ConflictKG</a> · <a href=\"").append(esc(base)).append("\">query page</a> · <a href=\"")
                .append(esc(base)).append(".well-known/void\">dataset description</a></header>\n<main>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"iri\"><code>").append(esc(subject.getURI()))
                .append("</code>");
        List<Resource> types = new ArrayList<>();
        m.listObjectsOfProperty(subject, RDF.type).forEachRemaining(n -> {
            if (n.isURIResource()) {
                types.add(n.asResource());
            }
        });
        for (Resource t : types) {
            h.append(" <span class=\"type\">").append(link(t)).append("</span>");
        }
        h.append("</p>\n<p class=\"formats\">Also as <a href=\"?format=ttl\">Turtle</a> · <a href=\"?format=jsonld\">"
                + "JSON-LD</a> · <a href=\"?format=nt\">N-Triples</a> · <a href=\"?format=rdf\">RDF/XML</a></p>\n");
        properties(h);
        claims(h);
        incoming(h);
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private void properties(StringBuilder h) {
        Map<Property, List<RDFNode>> byProperty = new LinkedHashMap<>();
        List<Statement> stmts = m.listStatements(subject, null, (RDFNode) null).toList();
        stmts.sort(Comparator.comparing((Statement s) -> s.getPredicate().getURI()).thenComparing(s ->
                s.getObject().toString()));
        for (Statement s : stmts) {
            if (!s.getPredicate().equals(RDF.type)) {
                byProperty.computeIfAbsent(s.getPredicate(), p -> new ArrayList<>()).add(s.getObject());
            }
        }
        h.append("<h2>Properties</h2>\n");
        if (byProperty.isEmpty()) {
            h.append("<p>None: this resource is only referred to.</p>\n");
            return;
        }
        h.append("<table class=\"props\">\n");
        for (Map.Entry<Property, List<RDFNode>> e : byProperty.entrySet()) {
            h.append("<tr><th>").append(predicate(e.getKey())).append("</th><td>");
            if (e.getValue().size() > 4 && e.getValue().stream().allMatch(RDFNode::isLiteral)) {
                // Many literals (a place's alternative names): one line, not a column.
                h.append(String.join(" · ", e.getValue().stream().map(this::value).toList())).append("</td></tr>\n");
                continue;
            }
            for (RDFNode o : e.getValue()) {
                h.append("<div>").append(value(o)).append("</div>");
                // Parts minted under this IRI (a geometry, a quantity) are shown inline.
                if (o.isURIResource() && o.asResource().getURI().startsWith(subject.getURI() + "/")) {
                    nested(h, o.asResource());
                }
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void nested(StringBuilder h, Resource part) {
        List<Statement> stmts = m.listStatements(part, null, (RDFNode) null).toList();
        if (stmts.isEmpty()) {
            return;
        }
        h.append("<table class=\"nested\">");
        for (Statement s : stmts) {
            h.append("<tr><th>").append(predicate(s.getPredicate())).append("</th><td>").append(value(s.getObject()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private void claims(StringBuilder h) {
        List<Resource> claims = new ArrayList<>();
        m.listSubjectsWithProperty(RDF.type, CKG.Claim).forEachRemaining(c -> {
            if (!c.equals(subject)) {
                claims.add(c);
            }
        });
        if (claims.isEmpty()) {
            return;
        }
        claims.sort(Comparator.comparing((Resource c) -> date(event(c))).thenComparing(Resource::getURI));
        h.append("<h2>Claims that mention it (").append(claims.size()).append(")</h2>\n<table class=\"claims\">\n")
                .append("<tr><th>Claimant</th><th>Stance</th><th>Event</th><th>Place</th><th>When</th>"
                        + "<th>Quote</th><th>Report</th></tr>\n");
        for (Resource c : claims) {
            Resource e = event(c);
            h.append("<tr><td>").append(values(c, CKG.claimant)).append("</td><td>").append(values(c, CKG.stance))
                    .append("</td><td>");
            if (e != null) {
                String kinds = String.join(", ", m.listObjectsOfProperty(e, RDF.type).toList().stream()
                        .filter(RDFNode::isURIResource).map(t -> shortName(t.asResource().getURI())).sorted()
                        .toList());
                h.append("<a href=\"").append(esc(RdfResponse.localLink(e.getURI(), base))).append("\">")
                        .append(esc(kinds.isEmpty() ? "event" : kinds)).append("</a>");
            }
            h.append("</td><td>").append(e == null ? "" : values(e, CKG.place)).append("</td><td>")
                    .append(esc(date(e))).append("</td><td class=\"quote\">").append(values(c, CKG.quote))
                    .append("</td><td>").append(values(c, CKG.statedIn)).append(" <a class=\"claim\" href=\"")
                    .append(esc(RdfResponse.localLink(c.getURI(), base))).append("\">claim</a></td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void incoming(StringBuilder h) {
        List<Statement> in = m.listStatements(null, null, subject).toList();
        in.removeIf(s -> s.getSubject().equals(subject));
        if (in.isEmpty()) {
            return;
        }
        in.sort(Comparator.comparing((Statement s) -> s.getPredicate().getURI()).thenComparing(s ->
                labels.getOrDefault(s.getSubject().toString(), s.getSubject().toString())));
        h.append("<h2>Referred to by (").append(in.size()).append(in.size() >= EntityDescriber.MAX_INCOMING
                ? "+" : "").append(")</h2>\n<table class=\"incoming\">\n");
        for (Statement s : in) {
            h.append("<tr><td>").append(value(s.getSubject())).append("</td><td>").append(predicate(s.getPredicate()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private Resource event(Resource claim) {
        Statement s = claim.getProperty(CKG.asserts);
        return s != null && s.getObject().isResource() ? s.getResource() : null;
    }

    private String date(Resource event) {
        if (event == null) {
            return "";
        }
        Statement d = event.getProperty(CKG.date);
        if (d != null) {
            return d.getObject().isLiteral() ? d.getLiteral().getLexicalForm() : "";
        }
        Statement start = event.getProperty(CKG.startDate);
        Statement end = event.getProperty(CKG.endDate);
        if (start == null && end == null) {
            return "";
        }
        return (start == null ? "" : start.getLiteral().getLexicalForm()) + "–"
                + (end == null ? "" : end.getLiteral().getLexicalForm());
    }

    private String values(Resource r, Property p) {
        List<String> out = new ArrayList<>();
        m.listObjectsOfProperty(r, p).forEachRemaining(o -> out.add(value(o)));
        return String.join(", ", out);
    }

    private String predicate(Property p) {
        return "<a href=\"" + esc(RdfResponse.localLink(p.getURI(), base)) + "\" title=\"" + esc(p.getURI()) + "\">"
                + esc(m.shortForm(p.getURI())) + "</a>";
    }

    private String value(RDFNode n) {
        if (n.isURIResource()) {
            return link(n.asResource());
        }
        if (n.isAnon()) {
            return "<span class=\"bnode\">[blank node]</span>";
        }
        Literal l = n.asLiteral();
        StringBuilder s = new StringBuilder(esc(l.getLexicalForm()));
        if (!l.getLanguage().isEmpty()) {
            s.append(" <span class=\"dt\">@").append(esc(l.getLanguage())).append("</span>");
        } else if (l.getDatatypeURI() != null && !l.getDatatypeURI().equals(XSD.xstring.getURI())) {
            s.append(" <span class=\"dt\">").append(esc(m.shortForm(l.getDatatypeURI()))).append("</span>");
        }
        return s.toString();
    }

    private String link(Resource r) {
        String uri = r.getURI();
        String label = labels.get(uri);
        String text = label != null ? label : m.shortForm(uri);
        return "<a href=\"" + esc(RdfResponse.localLink(uri, base)) + "\" title=\"" + esc(uri) + "\">" + esc(text)
                + "</a>";
    }

    private String shortName(String uri) {
        int cut = Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/'));
        return cut >= 0 && cut < uri.length() - 1 ? uri.substring(cut + 1) : uri;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d232a;background:#fafafa}
            header{background:#24313f;color:#dfe6ee;padding:.5em 1.2em}header a{color:#fff}
            main{max-width:1100px;margin:0 auto;padding:1em 1.2em}h1{margin:.3em 0 0}
            .iri{color:#555;margin:.2em 0}.type{background:#e4ecf4;border-radius:3px;padding:0 .4em;margin-left:.3em}
            .formats{font-size:90%}table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:1em}
            th,td{border:1px solid #dde2e7;padding:.3em .5em;vertical-align:top;text-align:left}
            table.props>tbody>tr>th{width:14em;font-weight:600}table.nested{margin:.2em 0 .4em;font-size:90%}
            .dt{color:#777;font-size:85%}.quote{font-style:italic;max-width:28em}a{color:#0b5fae}
            a.claim{font-size:85%;color:#666}
            """;
}
