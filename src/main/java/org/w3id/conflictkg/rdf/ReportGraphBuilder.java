package org.w3id.conflictkg.rdf;

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
import org.w3id.conflictkg.gazetteer.PlaceType;
import org.w3id.conflictkg.report.Report;

/** Turns one report's {@link Extraction} into the in-memory graph that becomes the report's named graph. */
public final class ReportGraphBuilder {
    /** Roles that have a Position individual in the ontology. */
    private static final Set<String> POSITIONS = Set.of("spokesperson", "governor", "head", "commander", "minister",
            "president", "mayor", "chief");

    private ReportGraphBuilder() {
    }

    /** The report graph; its name is {@link Iris#report(Report)}. */
    public static Model build(Extraction x) {
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
        for (EventRec e : x.events()) {
            Resource ev = m.createResource(Iris.event(reportIri, e.id()), m.createResource(CKG.NS + e.type().localName()));
            if (e.placeKey() != null) {
                ev.addProperty(CKG.place, m.createResource(Iris.place(e.placeKey())));
            }
            if (e.actorKey() != null && agents.containsKey(e.actorKey())) {
                ev.addProperty(CKG.actor, m.createResource(Iris.agent(agents.get(e.actorKey()).kind(), e.actorKey())));
            }
            addTime(m, ev, e.time());
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
        }
        return m;
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
