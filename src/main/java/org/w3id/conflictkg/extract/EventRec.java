package org.w3id.conflictkg.extract;

import java.util.List;

/**
 * One event a report describes, after merging the sentences that describe the same thing.
 *
 * @param id        position in the report, used for the event's IRI
 * @param placeKey  key of a {@link PlaceRef}, or null
 * @param actorKey  key of the {@link Agent} that acted, or null
 * @param repelled  the text says the attack failed or was repelled
 * @param quote     the sentence the event was first read from
 */
public record EventRec(int id, EventType type, String placeKey, String actorKey, TimeValue time,
                       List<QuantityRec> quantities, boolean repelled, String weapon, String quote) {
}
