package org.w3id.conflictkg.extract;

/** How a claimant puts what it says. */
public enum Stance {
    ASSERTED("Asserted"), CONFIRMED("Confirmed"), DENIED("Denied"), HEDGED("Hedged");

    private final String localName;

    Stance(String localName) {
        this.localName = localName;
    }

    public String localName() {
        return localName;
    }
}
