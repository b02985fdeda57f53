package org.w3id.conflictkg.gazetteer;

import java.util.List;

/** A gazetteer entry: its key (GeoNames id or slug), kind, English label, variant names, parent and location. */
public record Place(String key, PlaceType type, String label, List<String> altLabels, String geonamesId,
                    String parentKey, Double lat, Double lon, long population, String countryCode) {
}
