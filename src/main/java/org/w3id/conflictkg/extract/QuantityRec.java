package org.w3id.conflictkg.extract;

/**
 * A number a report states: "nearly 22,000 civilians" is amount 22000, qualifier "approximately"... as written:
 * qualifier keeps the report's own word (nearly, about, at least, more than) and measure what is counted
 * (evacuated, killed, injured, or the noun: drones, explosions).
 */
public record QuantityRec(long amount, String qualifier, String measure, String text) {
}
