package org.w3id.conflictkg.extract;

/**
 * A person, armed force, organisation or country acting in a report. The key is stable across reports
 * (the IRI's last segment); role, position and affiliation are what this report states.
 *
 * @param generic true for a side's forces named only by nationality ("Russian troops")
 */
public record Agent(AgentKind kind, String key, String label, Side side, String role, String affiliationKey,
                    boolean generic) {

    Agent withRole(String newRole, String newAffiliation) {
        return new Agent(kind, key, label, side, newRole != null ? newRole : role,
                newAffiliation != null ? newAffiliation : affiliationKey, generic);
    }

    Agent withSide(Side newSide) {
        return new Agent(kind, key, label, newSide, role, affiliationKey, generic);
    }
}
