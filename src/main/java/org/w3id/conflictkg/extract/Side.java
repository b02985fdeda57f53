package org.w3id.conflictkg.extract;

/** A belligerent side, as the contract's ckg:Ukraine, ckg:Russia and ckg:OtherSide. */
public enum Side {
    UKRAINE, RUSSIA, OTHER;

    /** The opposing belligerent, or null for a third party. */
    public Side opponent() {
        return switch (this) {
            case UKRAINE -> RUSSIA;
            case RUSSIA -> UKRAINE;
            case OTHER -> null;
        };
    }
}
