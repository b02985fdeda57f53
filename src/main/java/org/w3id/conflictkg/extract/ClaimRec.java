package org.w3id.conflictkg.extract;

/**
 * An attributed statement: the claimant (key of an {@link Agent}) asserts or denies the event {@code eventId}.
 *
 * @param deniesId id of the claim this one denies, or -1
 */
public record ClaimRec(int id, String claimantKey, int eventId, Stance stance, String attribution, String quote,
                       int deniesId) {
}
