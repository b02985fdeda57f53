package org.w3id.conflictkg.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The few GeoSPARQL and PROV terms we use, declared here rather than pulling in jena-geosparql for constants. */
public final class Vocab {
    public static final String GEO = "http://www.opengis.net/ont/geosparql#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SCHEMA = "http://schema.org/";
    public static final String GEONAMES = "https://sws.geonames.org/";

    /** GeoSPARQL: a feature's geometry. */
    public static final Property hasGeometry = ResourceFactory.createProperty(GEO + "hasGeometry");
    /** GeoSPARQL: a geometry's WKT serialisation. */
    public static final Property asWKT = ResourceFactory.createProperty(GEO + "asWKT");
    /** GeoSPARQL: the class of geometries. */
    public static final Resource Geometry = ResourceFactory.createResource(GEO + "Geometry");
    /** GeoSPARQL: the WKT literal datatype. */
    public static final String wktLiteral = GEO + "wktLiteral";
    /** schema.org url (the contract's schema:url). */
    public static final Property url = ResourceFactory.createProperty(SCHEMA + "url");

    private Vocab() {
    }
}
