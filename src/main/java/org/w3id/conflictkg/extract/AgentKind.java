package org.w3id.conflictkg.extract;

/** What kind of actor an agent is; also how specific it is as a claimant (people most, countries least). */
public enum AgentKind {
    COUNTRY, FORCE, ORGANISATION, PERSON
}
