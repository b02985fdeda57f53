package org.w3id.conflictkg.extract;

import java.util.List;

import org.w3id.conflictkg.report.Report;

/** Everything read out of one report: the places and agents it mentions, the events and the claims. */
public record Extraction(Report report, List<PlaceRef> places, List<Agent> agents, List<EventRec> events,
                         List<ClaimRec> claims) {
}
