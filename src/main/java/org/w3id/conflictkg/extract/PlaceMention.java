package org.w3id.conflictkg.extract;

import java.util.List;

import org.w3id.conflictkg.gazetteer.Place;
import org.w3id.conflictkg.gazetteer.PlaceType;

/**
 * A place name in a sentence (character offsets within the sentence) with its gazetteer candidates; when the
 * gazetteer has none, {@code hint} and {@code surface} describe a place to mint ("Velykoburlutska community").
 *
 * @param inName the name is part of an agent's or title's name ("Sumy Regional Military Administration")
 */
record PlaceMention(int start, int end, String surface, List<Place> candidates, PlaceType hint, boolean inName) {
}
