package org.w3id.conflictkg.rdf;

import java.util.Collection;
import java.util.Locale;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.conflictkg.gazetteer.Place;

/** Describes gazetteer places in RDF: class, labels, GeoNames link, administrative parent and a WKT point. */
public final class GazetteerGraphBuilder {
    private GazetteerGraphBuilder() {
    }

    public static Model build(Collection<Place> places) {
        Model m = ModelFactory.createDefaultModel();
        var wkt = TypeMapper.getInstance().getSafeTypeByName(Vocab.wktLiteral);
        for (Place p : places) {
            Resource r = m.createResource(Iris.place(p.key()), ReportGraphBuilder.placeClass(p.type()))
                    .addProperty(RDFS.label, p.label(), "en");
            for (String alt : p.altLabels()) {
                if (!alt.equals(p.label())) {
                    r.addProperty(SKOS.altLabel, alt);
                }
            }
            if (p.geonamesId() != null) {
                r.addProperty(CKG.geonamesId, p.geonamesId());
                r.addProperty(OWL.sameAs, m.createResource(Vocab.GEONAMES + p.geonamesId() + "/"));
            }
            if (p.parentKey() != null) {
                r.addProperty(CKG.partOf, m.createResource(Iris.place(p.parentKey())));
            }
            if (p.population() > 0) {
                r.addLiteral(CKG.population, m.createTypedLiteral(p.population()));
            }
            if (p.lat() != null && p.lon() != null) {
                Resource geom = m.createResource(r.getURI() + "/geometry", Vocab.Geometry);
                String point = String.format(Locale.ROOT, "POINT(%.5f %.5f)", p.lon(), p.lat());
                geom.addProperty(Vocab.asWKT, m.createTypedLiteral(point, wkt));
                r.addProperty(Vocab.hasGeometry, geom);
                // The same point as two numbers (xsd:decimal, stored inline by TDB2): a radius query first keeps the
                // places in a box around its centre by comparing numbers, then measures only those.
                r.addLiteral(Vocab.lat, m.createTypedLiteral(String.format(Locale.ROOT, "%.5f", p.lat()),
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
                r.addLiteral(Vocab.lon, m.createTypedLiteral(String.format(Locale.ROOT, "%.5f", p.lon()),
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
            }
        }
        return m;
    }
}
