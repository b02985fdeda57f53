package org.w3id.conflictkg.extract;

/** The event classes the extractor assigns, each with its ontology local name and top category. */
public enum EventType {
    CONTROL_CHANGE("ControlChange", null),
    CAPTURE("Capture", CONTROL_CHANGE),
    LIBERATION("Liberation", CONTROL_CHANGE),
    OCCUPATION("Occupation", CONTROL_CHANGE),
    WITHDRAWAL("Withdrawal", CONTROL_CHANGE),
    GROUND_ASSAULT("GroundAssault", null),
    ADVANCE("Advance", GROUND_ASSAULT),
    INFILTRATION_ATTEMPT("InfiltrationAttempt", GROUND_ASSAULT),
    REPELLED_ATTACK("RepelledAttack", GROUND_ASSAULT),
    FIGHTING("Fighting", GROUND_ASSAULT),
    SHELLING("Shelling", null),
    ROCKET_FIRE("RocketFire", SHELLING),
    AIR_STRIKE("AirStrike", null),
    DRONE_STRIKE("DroneStrike", AIR_STRIKE),
    MISSILE_STRIKE("MissileStrike", AIR_STRIKE),
    GUIDED_BOMB_STRIKE("GuidedBombStrike", AIR_STRIKE),
    EVACUATION("Evacuation", null),
    CASUALTIES("Casualties", null);

    private final String localName;
    private final EventType parent;

    EventType(String localName, EventType parent) {
        this.localName = localName;
        this.parent = parent;
    }

    public String localName() {
        return localName;
    }

    /** One of the six top categories of the contract. */
    public EventType top() {
        return parent == null ? this : parent;
    }

    public boolean isTop() {
        return parent == null;
    }
}
