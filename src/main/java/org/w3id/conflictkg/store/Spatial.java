package org.w3id.conflictkg.store;

import org.apache.jena.geosparql.configuration.GeoSPARQLConfig;

/**
 * Turns on Jena's GeoSPARQL functions for {@code query} and {@code serve}: the {@code geof:} filter functions
 * (sfWithin, distance...) and Jena's {@code spatialF:distance}, which measures great-circle distances on our CRS84
 * points in kilometres.
 */
public final class Spatial {
    private static boolean ready;

    private Spatial() {
    }

    /** Registers the functions once per process; later calls do nothing. */
    public static synchronized void init() {
        if (!ready) {
            // Functions plus in-memory caches of parsed geometry literals; no dataset spatial index, which
            // setupSpatialIndex would build by scanning the whole store at every start, and which only the
            // spatial: property functions (nearby, withinCircle) need.
            GeoSPARQLConfig.setupMemoryIndex();
            ready = true;
        }
    }
}
