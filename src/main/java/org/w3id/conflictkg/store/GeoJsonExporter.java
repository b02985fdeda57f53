package org.w3id.conflictkg.store;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonBoolean;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.w3id.conflictkg.KgException;

/**
 * Writes the rows of a SELECT with a {@code ?wkt} variable (a GeoSPARQL POINT) as a GeoJSON FeatureCollection
 * (RFC 7946): each row a Feature with a Point geometry [longitude, latitude], the other variables its properties.
 */
public final class GeoJsonExporter {
    /** The variable that must hold the point. */
    public static final String WKT_VAR = "wkt";
    // Optional CRS IRI, then POINT [Z|M|ZM] (x y ...): GeoSPARQL wktLiteral.
    private static final Pattern POINT = Pattern.compile(
            "^\\s*(?:<([^>]*)>\\s*)?POINT\\s*(?:Z|M|ZM)?\\s*\\(\\s*([-+0-9.eE]+)\\s+([-+0-9.eE]+)[^)]*\\)\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** What was written: features, and rows left out for want of a point. */
    public record Summary(int features, int skipped) {
    }

    private GeoJsonExporter() {
    }

    /**
     * The query of every event in the store at a place with coordinates, the export run when none is given. It lists
     * the whole store; {@code queries/events-with-coordinates.rq} is the interactive query, one month at a time.
     */
    public static String allEventsQuery() {
        String name = "all-events-with-coordinates.rq";
        try (var in = GeoJsonExporter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new KgException(name + ": missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new KgException(name + ": cannot read from the jar (" + e.getMessage() + ")", e);
        }
    }

    /** Runs the query in a read transaction and writes the FeatureCollection; {@code timeoutMillis} &le; 0: none. */
    public static Summary write(KgStore store, Query query, OutputStream out, long timeoutMillis) {
        if (!query.isSelectType()) {
            throw new KgException("query: GeoJSON needs a SELECT query with a ?" + WKT_VAR + " variable");
        }
        if (!query.getResultVars().contains(WKT_VAR)) {
            throw new KgException("query: GeoJSON needs a ?" + WKT_VAR + " variable (a POINT WKT) in the SELECT");
        }
        return Txn.calculateRead(store.dataset(), () -> {
            var builder = QueryExecution.dataset(store.dataset()).query(query);
            if (timeoutMillis > 0) {
                builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            try (QueryExecution qe = builder.build()) {
                ResultSet rs = qe.execSelect();
                JsonArray features = new JsonArray();
                int rows = 0;
                while (rs.hasNext()) {
                    rows++;
                    JsonObject f = feature(rs.getResultVars(), rs.next());
                    if (f != null) {
                        features.add(f);
                    }
                }
                JsonObject fc = new JsonObject();
                fc.put("type", "FeatureCollection");
                fc.put("features", features);
                JSON.write(out, fc);
                return new Summary(features.size(), rows - features.size());
            } catch (QueryCancelledException e) {
                throw new KgException("query: cancelled after the time limit of " + timeoutMillis + " ms");
            }
        });
    }

    /** The row as a Feature, or null when it has no usable point. */
    private static JsonObject feature(List<String> vars, QuerySolution row) {
        double[] lonLat = point(row.get(WKT_VAR));
        if (lonLat == null) {
            return null;
        }
        JsonObject geometry = new JsonObject();
        geometry.put("type", "Point");
        JsonArray coords = new JsonArray();
        coords.add(JsonNumber.value(lonLat[0]));
        coords.add(JsonNumber.value(lonLat[1]));
        geometry.put("coordinates", coords);
        JsonObject props = new JsonObject();
        for (String v : vars) {
            if (!v.equals(WKT_VAR)) {
                props.put(v, json(row.get(v)));
            }
        }
        JsonObject f = new JsonObject();
        f.put("type", "Feature");
        f.put("geometry", geometry);
        f.put("properties", props);
        return f;
    }

    /** [lon, lat] from a WKT POINT, in GeoSPARQL's default CRS84 order (EPSG:4326 is lat, lon and swapped). */
    static double[] point(RDFNode n) {
        if (n == null || !n.isLiteral()) {
            return null;
        }
        Matcher m = POINT.matcher(n.asLiteral().getLexicalForm());
        if (!m.matches()) {
            return null;
        }
        try {
            double x = Double.parseDouble(m.group(2));
            double y = Double.parseDouble(m.group(3));
            boolean latFirst = m.group(1) != null && m.group(1).contains("EPSG/0/4326");
            double lon = latFirst ? y : x;
            double lat = latFirst ? x : y;
            if (Double.isNaN(lon) || Double.isNaN(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
                return null;
            }
            return new double[] {lon, lat};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A property value: numbers and booleans as such, IRIs and other literals as strings, unbound as null. */
    static JsonValue json(RDFNode n) {
        if (n == null) {
            return JsonNull.instance;
        }
        if (n.isURIResource()) {
            return new JsonString(n.asResource().getURI());
        }
        if (n.isAnon()) {
            return new JsonString("_:" + n.asResource().getId().getLabelString());
        }
        Node lit = n.asNode();
        String lex = lit.getLiteralLexicalForm();
        if (lit.getLiteralDatatype() instanceof XSDDatatype dt) {
            try {
                if (dt.equals(XSDDatatype.XSDboolean)) {
                    return new JsonBoolean(Boolean.parseBoolean(lex.strip())
                            || lex.strip().equals("1"));
                }
                if (isInteger(dt)) {
                    return JsonNumber.value(new BigDecimal(lex.strip()).toBigIntegerExact().longValueExact());
                }
                if (dt.equals(XSDDatatype.XSDdecimal) || dt.equals(XSDDatatype.XSDdouble)
                        || dt.equals(XSDDatatype.XSDfloat)) {
                    double d = Double.parseDouble(lex.strip());
                    if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                        return JsonNumber.value(d);
                    }
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // An ill-formed or huge number: keep its text.
            }
        }
        return new JsonString(lex);
    }

    private static boolean isInteger(XSDDatatype dt) {
        return dt.equals(XSDDatatype.XSDinteger) || dt.equals(XSDDatatype.XSDint) || dt.equals(XSDDatatype.XSDlong)
                || dt.equals(XSDDatatype.XSDshort) || dt.equals(XSDDatatype.XSDbyte)
                || dt.equals(XSDDatatype.XSDnonNegativeInteger) || dt.equals(XSDDatatype.XSDpositiveInteger)
                || dt.equals(XSDDatatype.XSDnegativeInteger) || dt.equals(XSDDatatype.XSDnonPositiveInteger)
                || dt.equals(XSDDatatype.XSDunsignedInt) || dt.equals(XSDDatatype.XSDunsignedLong)
                || dt.equals(XSDDatatype.XSDunsignedShort) || dt.equals(XSDDatatype.XSDunsignedByte);
    }
}
