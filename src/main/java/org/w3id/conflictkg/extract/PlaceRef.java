package org.w3id.conflictkg.extract;

import org.w3id.conflictkg.gazetteer.PlaceType;

/**
 * A place a report refers to. Known places carry their gazetteer key (a GeoNames id or a slug); places the
 * gazetteer lacks ("Velykoburlutska community") get a key minted from type, name and the oblast they lie in.
 */
public record PlaceRef(String key, PlaceType type, String label, String geonamesId, String parentKey,
                       boolean inGazetteer) {
}
