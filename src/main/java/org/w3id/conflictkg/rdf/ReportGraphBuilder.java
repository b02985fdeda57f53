package org.w3id.conflictkg.rdf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.conflictkg.extract.Agent;
import org.w3id.conflictkg.extract.AgentKind;
import org.w3id.conflictkg.extract.ClaimRec;
import org.w3id.conflictkg.extract.EventRec;
import org.w3id.conflictkg.extract.Extraction;
import org.w3id.conflictkg.extract.PlaceRef;
import org.w3id.conflictkg.extract.QuantityRec;
import org.w3id.conflictkg.extract.Side;
import org.w3id.conflictkg.extract.TimeValue;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.gazetteer.Place;
import org.w3id.conflictkg.gazetteer.PlaceType;
import org.w3id.conflictkg.report.Report;

/** Turns one report's {@link Extraction} into the in-memory graph that becomes the report's named graph. */
public final class ReportGraphBuilder {
    /** Roles that have a Position individual in the ontology. */
    private static final Set<String> POSITIONS = Set.of("spokesperson", "governor", "head", "commander", "minister",
            "president", "mayor", "chief");

    private ReportGraphBuilder() {
    }

    /**
     * The report graph; its name is {@link Iris#report(Report)}. Besides what was extracted it states the shortcuts
     * the saved queries look up instead of walking paths at query time: each event's top category, month, date to
     * order by (ckg:when), place label, oblast and raion (from the gazetteer's ckg:partOf chain); each claim's
     * claimant label and side, its event's ckg:when and month, and its contradiction key.
     */
    public static Model build(Extraction x, Gazetteer gazetteer) {
        Report r = x.report();
        String reportIri = Iris.report(r);
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("ckg", CKG.NS);
        Resource report = m.createResource(reportIri, CKG.Report)
                .addProperty(CKG.sourceFile, r.sourceFile())
                .addProperty(CKG.contentHash, r.contentHash());
        if (!r.title().isEmpty()) {
            report.addProperty(DCTerms.title, r.title());
        }
        if (r.issued() != null) {
            report.addProperty(DCTerms.issued, m.createTypedLiteral(r.issued().toString(), XSDDatatype.XSDdate));
        }
        if (r.url() != null) {
            report.addProperty(Vocab.url, m.createTypedLiteral(r.url(), XSDDatatype.XSDanyURI));
        }
        if (r.outlet() != null) {
            report.addProperty(CKG.outlet, r.outlet());
        }
        for (PlaceRef p : x.places()) {
            Resource place = m.createResource(Iris.place(p.key()));
            report.addProperty(CKG.mentions, place);
            if (!p.inGazetteer()) {
                place.addProperty(RDF.type, placeClass(p.type())).addProperty(RDFS.label, p.label(), "en");
                if (p.parentKey() != null) {
                    place.addProperty(CKG.partOf, m.createResource(Iris.place(p.parentKey())));
                }
            }
        }
        for (Agent a : x.agents()) {
            Resource agent = m.createResource(Iris.agent(a.kind(), a.key()), agentClass(a.kind()))
                    .addProperty(RDFS.label, a.label(), "en");
            report.addProperty(CKG.mentions, agent);
            if (a.side() != null) {
                agent.addProperty(CKG.side, side(a.side()));
            }
            if (a.role() != null) {
                agent.addProperty(CKG.role, a.role());
                if (POSITIONS.contains(a.role())) {
                    agent.addProperty(CKG.holdsPosition, m.createResource(CKG.NS + position(a.role())));
                }
            }
            if (a.affiliationKey() != null) {
                agent.addProperty(CKG.affiliation, m.createResource(affiliationIri(x, a.affiliationKey())));
            }
        }
        Map<String, Agent> agents = new java.util.HashMap<>();
        x.agents().forEach(a -> agents.put(a.key(), a));
        Map<String, PlaceRef> places = new java.util.HashMap<>();
        x.places().forEach(p -> places.put(p.key(), p));
        Map<Integer, EventRec> events = new java.util.HashMap<>();
        for (EventRec e : x.events()) {
            events.put(e.id(), e);
            Resource ev = m.createResource(Iris.event(reportIri, e.id()), m.createResource(CKG.NS + e.type().localName()));
            ev.addProperty(CKG.category, m.createResource(CKG.NS + e.type().top().localName()));
            String month = month(e.time());
            if (month != null) {
                ev.addProperty(CKG.month, month);
            }
            if (e.placeKey() != null) {
                ev.addProperty(CKG.place, m.createResource(Iris.place(e.placeKey())));
                String placeLabel = placeLabel(e.placeKey(), places, gazetteer);
                if (placeLabel != null) {
                    ev.addProperty(CKG.placeLabel, placeLabel, "en");
                }
                for (Map.Entry<String, PlaceType> region : regions(e.placeKey(), places, gazetteer)) {
                    ev.addProperty(region.getValue() == PlaceType.OBLAST ? CKG.inOblast : CKG.inRaion,
                            m.createResource(Iris.place(region.getKey())));
                }
            }
            if (e.actorKey() != null && agents.containsKey(e.actorKey())) {
                ev.addProperty(CKG.actor, m.createResource(Iris.agent(agents.get(e.actorKey()).kind(), e.actorKey())));
            }
            addTime(m, ev, e.time());
            String when = when(e.time());
            if (when != null) {
                ev.addProperty(CKG.when, when);
            }
            if (e.repelled()) {
                ev.addLiteral(CKG.repelled, true);
            }
            if (e.weapon() != null) {
                ev.addProperty(CKG.weapon, e.weapon());
            }
            ev.addProperty(CKG.quote, e.quote());
            int qn = 0;
            for (QuantityRec q : e.quantities()) {
                Resource qr = m.createResource(ev.getURI() + "/quantity/" + (++qn), CKG.Quantity)
                        .addLiteral(CKG.amount, integer(m, q.amount()))
                        .addProperty(CKG.measure, q.measure())
                        .addProperty(CKG.quote, q.text());
                if (q.qualifier() != null) {
                    qr.addProperty(CKG.qualifier, q.qualifier());
                }
                ev.addProperty(CKG.quantity, qr);
                switch (q.measure()) {
                    case "killed" -> ev.addLiteral(CKG.killed, integer(m, q.amount()));
                    case "injured" -> ev.addLiteral(CKG.injured, integer(m, q.amount()));
                    case "evacuated" -> ev.addLiteral(CKG.evacuated, integer(m, q.amount()));
                    default -> {
                    }
                }
            }
        }
        for (ClaimRec c : x.claims()) {
            Agent who = agents.get(c.claimantKey());
            Resource claim = m.createResource(Iris.claim(reportIri, c.id()), CKG.Claim)
                    .addProperty(CKG.claimant, m.createResource(Iris.agent(who.kind(), who.key())))
                    .addProperty(CKG.statedIn, report)
                    .addProperty(CKG.asserts, m.createResource(Iris.event(reportIri, c.eventId())))
                    .addProperty(CKG.quote, c.quote())
                    .addProperty(CKG.stance, m.createResource(CKG.NS + c.stance().localName()));
            if (c.attribution() != null) {
                claim.addProperty(CKG.attribution, c.attribution());
            }
            if (c.deniesId() >= 0) {
                claim.addProperty(CKG.denies, m.createResource(Iris.claim(reportIri, c.deniesId())));
            }
            claim.addProperty(CKG.claimantLabel, who.label(), "en");
            Side side = sideOf(who, agents);
            if (side != null) {
                claim.addProperty(CKG.claimantSide, side(side));
            }
            EventRec e = events.get(c.eventId());
            String when = e == null ? null : when(e.time());
            String month = e == null ? null : month(e.time());
            if (when != null) {
                claim.addProperty(CKG.when, when);
                claim.addProperty(CKG.month, month);
            }
            if (e != null && e.placeKey() != null) {
                claim.addProperty(CKG.claimKey, Iris.place(e.placeKey()) + "|" + e.type().top().localName() + "|"
                        + (month != null ? month : "undated"));
            }
        }
        return m;
    }

    /**
     * The month of an event's date, or of its start date when it spans time: YYYY-MM, or YYYY when only the year is
     * known; null when undated.
     */
    static String month(TimeValue t) {
        String v = when(t);
        if (v == null) {
            return null;
        }
        return v.length() >= 7 ? v.substring(0, 7) : v;
    }

    /** An event's date, or its start date when it spans time, as precise as the text gives it; null when undated. */
    static String when(TimeValue t) {
        if (t == null) {
            return null;
        }
        return t.date() != null ? t.date() : t.start();
    }

    /** The English label of an event's place: the gazetteer's, else the one the report gives a place it adds. */
    private static String placeLabel(String key, Map<String, PlaceRef> places, Gazetteer gazetteer) {
        Place known = gazetteer.get(key).orElse(null);
        if (known != null) {
            return known.label();
        }
        PlaceRef ref = places.get(key);
        return ref == null ? null : ref.label();
    }

    /**
     * The raion and the oblast a place lies in, nearest first, each with its type; the place itself counts when it
     * is one. A place the gazetteer lacks lies where its stated parent lies.
     */
    static List<Map.Entry<String, PlaceType>> regions(String placeKey, Map<String, PlaceRef> places,
                                                       Gazetteer gazetteer) {
        List<Map.Entry<String, PlaceType>> chain = new ArrayList<>();
        Place known = gazetteer.get(placeKey).orElse(null);
        if (known != null) {
            chain.add(Map.entry(known.key(), known.type()));
        } else {
            PlaceRef ref = places.get(placeKey);
            if (ref != null) {
                chain.add(Map.entry(placeKey, ref.type()));
                known = ref.parentKey() == null ? null : gazetteer.get(ref.parentKey()).orElse(null);
                if (known != null) {
                    chain.add(Map.entry(known.key(), known.type()));
                }
            }
        }
        if (known != null) {
            gazetteer.ancestors(known).forEach(a -> chain.add(Map.entry(a.key(), a.type())));
        }
        List<Map.Entry<String, PlaceType>> out = new ArrayList<>();
        Set<PlaceType> seen = new HashSet<>();
        for (Map.Entry<String, PlaceType> p : chain) {
            if ((p.getValue() == PlaceType.RAION || p.getValue() == PlaceType.OBLAST) && seen.add(p.getValue())) {
                out.add(p);
            }
        }
        return out;
    }

    /** The side an agent is on as this report states it: its own, else that of what it serves, and so on up. */
    private static Side sideOf(Agent a, Map<String, Agent> agents) {
        Set<String> seen = new HashSet<>();
        for (Agent at = a; at != null && seen.add(at.key()); at = at.affiliationKey() == null ? null
                : agents.get(at.affiliationKey())) {
            if (at.side() != null) {
                return at.side();
            }
        }
        return null;
    }

    private static Literal integer(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static String affiliationIri(Extraction x, String key) {
        for (Agent a : x.agents()) {
            if (a.key().equals(key)) {
                return Iris.agent(a.kind(), key);
            }
        }
        return Iris.place(key);
    }

    private static void addTime(Model m, Resource ev, TimeValue t) {
        if (t == null) {
            return;
        }
        if (t.date() != null) {
            ev.addLiteral(CKG.date, dateLiteral(m, t.date()));
        }
        if (t.start() != null) {
            ev.addLiteral(CKG.startDate, dateLiteral(m, t.start()));
        }
        if (t.end() != null) {
            ev.addLiteral(CKG.endDate, dateLiteral(m, t.end()));
        }
        if (t.expression() != null) {
            ev.addProperty(CKG.timeExpression, t.expression());
        }
    }

    /** A date typed as precisely as it is: xsd:date, xsd:gYearMonth or xsd:gYear. */
    public static Literal dateLiteral(Model m, String value) {
        return switch (value.length()) {
            case 10 -> m.createTypedLiteral(value, XSDDatatype.XSDdate);
            case 7 -> m.createTypedLiteral(value, XSDDatatype.XSDgYearMonth);
            case 4 -> m.createTypedLiteral(value, XSDDatatype.XSDgYear);
            default -> throw new IllegalArgumentException("not a date, month or year: " + value);
        };
    }

    public static Resource placeClass(PlaceType t) {
        return switch (t) {
            case COUNTRY -> CKG.Country;
            case OBLAST -> CKG.Oblast;
            case RAION -> CKG.Raion;
            case HROMADA -> CKG.Hromada;
            case SETTLEMENT -> CKG.Settlement;
            case RIVER -> CKG.River;
            case CITYDISTRICT -> CKG.CityDistrict;
        };
    }

    private static Resource agentClass(AgentKind k) {
        return switch (k) {
            case PERSON -> CKG.Person;
            case FORCE -> CKG.ArmedForce;
            case ORGANISATION, COUNTRY -> CKG.Organisation;
        };
    }

    public static Resource side(Side s) {
        return switch (s) {
            case UKRAINE -> CKG.Ukraine;
            case RUSSIA -> CKG.Russia;
            case OTHER -> CKG.OtherSide;
        };
    }

    private static String position(String role) {
        return role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1) + "Position";
    }
}
