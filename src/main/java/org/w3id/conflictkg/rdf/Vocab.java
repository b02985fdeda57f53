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
    /** W3C Basic Geo (WGS84) vocabulary. */
    public static final String WGS84 = "http://www.w3.org/2003/01/geo/wgs84_pos#";

    /** GeoSPARQL: a feature's geometry. */
    public static final Property hasGeometry = ResourceFactory.createProperty(GEO + "hasGeometry");
    /** GeoSPARQL: a geometry's WKT serialisation. */
    public static final Property asWKT = ResourceFactory.createProperty(GEO + "asWKT");
    /** GeoSPARQL: the class of geometries. */
    public static final Resource Geometry = ResourceFactory.createResource(GEO + "Geometry");
    /** GeoSPARQL: the WKT literal datatype. */
    public static final String wktLiteral = GEO + "wktLiteral";
    /** W3C Basic Geo: latitude in decimal degrees, beside the WKT point so that a query can cut a box by numbers. */
    public static final Property lat = ResourceFactory.createProperty(WGS84 + "lat");
    /** W3C Basic Geo: longitude in decimal degrees. */
    public static final Property lon = ResourceFactory.createProperty(WGS84 + "long");
    /** schema.org url (the contract's schema:url). */
    public static final Property url = ResourceFactory.createProperty(SCHEMA + "url");

    private Vocab() {
    }
}
