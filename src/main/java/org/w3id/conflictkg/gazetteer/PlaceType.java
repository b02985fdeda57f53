package org.w3id.conflictkg.gazetteer;

/** The kinds of place the gazetteer holds, from country down to river. */
public enum PlaceType {
    COUNTRY, OBLAST, RAION, HROMADA, SETTLEMENT, RIVER, CITYDISTRICT
}
