package org.w3id.conflictkg.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.gazetteer.NameFolder;
import org.w3id.conflictkg.gazetteer.Place;
import org.w3id.conflictkg.gazetteer.PlaceType;
import org.w3id.conflictkg.nlp.Nlp;
import org.w3id.conflictkg.nlp.Sentence;
import org.w3id.conflictkg.rdf.Iris;
import org.w3id.conflictkg.report.Report;

/**
 * Reads a report the way an analyst does: who speaks (attribution), what they say happened (events), where
 * (gazetteer places), when (times normalised against the report's date) and by whom (forces with their side).
 * Stateless apart from the shared gazetteer and models: one instance serves many threads.
 */
public final class Extractor {
    private static final Logger LOG = LoggerFactory.getLogger(Extractor.class);

    private static final Pattern ATTRIBUTION = Pattern.compile("\\b(according\\s+to|said|says|say|saying|told|"
            + "claimed|claims|claim|claiming|announced|announces|announcing|reported|reports|reporting|stated|states|"
            + "stating|added|adding|noted|noting|pointed\\s+out|wrote|writes|confirmed|confirms|confirming|denied|"
            + "denies|denying|refuted|refutes|rejected|rejects|dismissed|dismisses|insisted|insists|alleged|alleges|"
            + "warned|acknowledged|admitted|declared|explained|stressed|emphasi[sz]ed|posted|accused|informed)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DENY = Pattern.compile("^(denied|denies|denying|refuted|refutes|rejected|rejects|"
            + "dismissed|dismisses)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONFIRM = Pattern.compile("^(confirmed|confirms|confirming|acknowledged|admitted)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEDGE = Pattern.compile("^(claimed|claims|claim|claiming|alleged|alleges)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION = Pattern.compile("\\b(not\\s+true|is\\s+false|untrue|fake|a\\s+lie|lies|"
            + "no\\s+truth|never\\s+happened|did\\s+not\\s+happen|has\\s+not\\s+been\\s+(?:captured|taken)|"
            + "remains?\\s+under\\s+(?:ukrainian|our)\\s+control|still\\s+(?:hold|holds|control|controls)|disinformation)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAIM_OBJECT = Pattern.compile("^\\s*(?:\\w+['’]s\\s+|the\\s+|these\\s+|this\\s+|"
            + "such\\s+|those\\s+)?(claims?|reports?|allegations?|statements?|it|this|that)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "Syniehubov: “...”": the colon after a name opening a sentence attributes what follows. */
    private static final Pattern COLON_SPEAKER = Pattern.compile("^\\W*[\\p{L}'’ -]{2,40}?(:)\\s");
    private static final Pattern SIDE_CLAIMS = Pattern.compile("\\b(Russian|Ukrainian|Moscow['’]s|Kyiv['’]s|"
            + "Russia['’]s|Ukraine['’]s)\\s+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOUN_BEFORE = Pattern.compile("\\b(?:the|these|those|such|its|their|both|of)\\s+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_BEFORE = Pattern.compile("\\b(?:not|never|n['’]t)\\s+(?:yet\\s+|publicly\\s+|"
            + "independently\\s+|immediately\\s+)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSSESSIVE_CLAIM = Pattern.compile("['’]s\\s+(?:\\w+\\s+)?claims?\\s+that\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERSON_PRONOUN = Pattern.compile("\\b(he|she)\\s+(?:\\w+\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /** "the governor said", "according to the head of the RMA": a person named earlier by the title alone. */
    private static final Pattern TITLE_REFERENCE = Pattern.compile("^\\s*the\\s+(?:regional\\s+|region['’]s\\s+|"
            + "city['’]s\\s+)?(governor|spokes(?:man|woman|person)|head|mayor|minister|commander|chief)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_BEFORE = Pattern.compile("\\bthe\\s+(?:regional\\s+)?(governor|spokes(?:man|"
            + "woman|person)|head|mayor|minister|commander|chief)(?:\\s+of\\s+(?:the\\s+)?[\\w'’ -]{2,40}?)?\\s+"
            + "(?:\\w+ly\\s+|also\\s+)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORG_ANAPHOR = Pattern.compile("\\b(it|they|the\\s+(?:ministry|statement|report|"
            + "rma|ova|administration|military|army|general\\s+staff|agency|service|command|office|authorities|"
            + "officials|governor|department))\\s+(?:\\w+ly\\s+|also\\s+|later\\s+|further\\s+|then\\s+|had\\s+|"
            + "has\\s+)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACE_ANAPHOR = Pattern.compile("\\b(?:the|this|that)\\s+(area|town|city|village|"
            + "settlement|region|district|community|oblast|locality)\\b|\\bthere\\b|\\b(?:a|another)\\s+(village|town|"
            + "settlement|city)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLURAL_PLACES = Pattern.compile("\\b(\\d+|several|multiple|many|various|other)\\s+"
            + "(areas|regions|settlements|positions|targets|locations|villages|towns|directions|sectors)\\b|"
            + "\\bin\\s+all\\s+directions\\b|\\bacross\\s+(?:the\\s+)?(?:country|front)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTERCEPT = Pattern.compile("\\b(shot\\s+down|downed|intercepted|destroyed\\s+\\d+|"
            + "neutrali[sz]ed|repelled|repulsed)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIDE_BEFORE = Pattern.compile("\\b(Ukrainian|Russian|Ukraine['’]s|Russia['’]s|"
            + "enemy)\\s+(?:[\\w-]+\\s+){0,2}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIDE_AFTER = Pattern.compile("^\\W*(?:\\w+\\s+){0,3}?(Ukrainian|Russian)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADLINE_ROLE = Pattern.compile("\\b(governor|spokes(?:man|woman|person)|mayor|"
            + "head|minister|president|commander|official)s?\\s+(?:says|said|claims|reports)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LAUNCH_SITE = Pattern.compile("\\bfrom\\s+(?:the\\s+)?(?:territory\\s+of\\s+|"
            + "direction\\s+of\\s+|[\\w'’]+\\s+){0,6}$|\\b(?:launched|fired)\\s+(?:\\w+\\s+){0,3}from\\s+(?:[\\w'’]+\\s+){0,6}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SELF_REPORT = Pattern.compile("^\\s*(?:to\\s+have|(?:that\\s+)?(?:it|its\\s+(?:forces|"
            + "troops|units)|they|their\\s+(?:forces|troops))\\s+(?:had|have|has))\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<EventType> ATTACKS_TOPS = Set.of(EventType.SHELLING, EventType.AIR_STRIKE,
            EventType.GROUND_ASSAULT);

    private final Gazetteer gazetteer;
    private final PlaceFinder placeFinder;

    public Extractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.placeFinder = new PlaceFinder(gazetteer);
    }

    /** An attribution in a sentence: the verb's offsets, the claimant (or null when unresolved) and the stance. */
    private record Attribution(int start, int end, String verb, Agent claimant, Stance stance, boolean deniesClaim) {
    }

    /** An event as one sentence states it, before merging. */
    private static final class Candidate {
        EventType type;
        int sentence;
        int position;
        String placeKey;
        boolean placeFromAnaphor;
        String actorKey;
        Side actorSide;
        TimeValue time;
        List<QuantityRec> quantities = new ArrayList<>();
        boolean repelled;
        String weapon;
        String quote;
        Attribution attribution;
        boolean weakOnly;
        boolean aggregate;
        int merged = -1;

        Candidate copy() {
            Candidate c = new Candidate();
            c.type = type;
            c.sentence = sentence;
            c.position = position;
            c.placeKey = placeKey;
            c.placeFromAnaphor = placeFromAnaphor;
            c.actorKey = actorKey;
            c.actorSide = actorSide;
            c.time = time;
            c.quantities = new ArrayList<>(quantities);
            c.repelled = repelled;
            c.weapon = weapon;
            c.quote = quote;
            c.attribution = attribution;
            c.weakOnly = weakOnly;
            return c;
        }

        String claimantKey() {
            return attribution == null || attribution.claimant() == null ? null : attribution.claimant().key();
        }
    }

    /** Everything read from one sentence. */
    private static final class Info {
        Sentence sentence;
        String text;
        List<TimeNormalizer.Found> times;
        List<QuantityFinder.Found> quantities;
        List<EventClassifier.Trigger> triggers;
        List<AgentMention> agents = new ArrayList<>();
        List<PlaceMention> places;
        Map<PlaceMention, PlaceRef> resolved = new HashMap<>();
        List<Attribution> attributions = new ArrayList<>();
        Agent quoteSpeaker;
        int quoteId = -1;
        boolean negated;
    }

    /** Extracts one report. */
    public Extraction extract(Report report) {
        long t0 = System.nanoTime();
        Run run = new Run(report);
        Extraction x = run.extract();
        LOG.debug("{}: extracted in {} ms", report.sourceFile(), (System.nanoTime() - t0) / 1_000_000);
        return x;
    }

    /** The state of one report's extraction. */
    private final class Run {
        private final Report report;
        private final LocalDate date;
        private final List<Info> infos = new ArrayList<>();
        private final Map<String, Agent> agents = new LinkedHashMap<>();
        private final Map<String, PlaceRef> places = new LinkedHashMap<>();
        private final Map<String, Agent> bySurname = new HashMap<>();
        private final Set<String> mentionedAgents = new java.util.LinkedHashSet<>();
        private Side contextSide;
        private Agent lastPerson;
        private Agent lastOrg;

        Run(Report report) {
            this.report = report;
            this.date = report.issued();
        }

        Extraction extract() {
            String text = report.text();
            contextSide = datelineSide(text);
            for (Sentence s : Nlp.get().analyse(text)) {
                infos.add(read(s));
            }
            addBareMentionsOfNewPlaces();
            resolvePlaces();
            assignQuoteSpeakers(text);
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < infos.size(); i++) {
                List<Candidate> here = events(i);
                attributeBackwards(i, here, candidates);
                foldCasualties(here, candidates);
                foldWeak(here, candidates);
                candidates.addAll(here);
            }
            List<EventRec> events = new ArrayList<>();
            List<Candidate> mergedInto = merge(candidates, events);
            List<ClaimRec> claims = claims(candidates, mergedInto, events);
            applyHeadlineRole();
            List<Agent> outAgents = new ArrayList<>();
            for (String k : mentionedAgents) {
                outAgents.add(agents.get(k));
            }
            return new Extraction(report, new ArrayList<>(places.values()), outAgents, events, claims);
        }

        // ---- reading a sentence -------------------------------------------------------------------------

        private Info read(Sentence s) {
            Info in = new Info();
            in.sentence = s;
            in.text = s.text();
            in.times = TimeNormalizer.find(in.text, date);
            in.quantities = QuantityFinder.find(in.text, in.times);
            in.triggers = EventClassifier.find(in.text);
            boolean[] blocked = new boolean[s.size()];
            boolean[] inName = new boolean[s.size()];
            List<PersonFinder.Found> persons = PersonFinder.find(in.text);
            List<AgentMention> orgs = AgentFinder.find(in.text, contextSide);
            for (PersonFinder.Found p : persons) {
                if (overlapsAny(orgs, p.start(), p.end()) || isPlaceName(p)) {
                    continue;
                }
                mark(s, blocked, p.start(), p.end());
                if (p.titleStart() >= 0) {
                    mark(s, inName, p.titleStart(), p.titleEnd());
                }
            }
            for (AgentMention a : orgs) {
                mark(s, inName, a.start(), a.end());
            }
            boolean headline = infos.isEmpty() && titleCase(in.text);
            in.places = placeFinder.find(s, blocked, inName, !headline);
            in.places.removeIf(pm -> isDateline(in.text, pm) || isMetonym(in.text, pm, orgs));
            for (PersonFinder.Found p : persons) {
                if (overlapsAny(orgs, p.start(), p.end()) || isPlaceName(p)) {
                    continue;
                }
                Agent person = person(p, in, orgs);
                if (person != null) {
                    in.agents.add(new AgentMention(p.start(), p.end(), person));
                }
            }
            for (AgentMention a : orgs) {
                Agent known = agents.get(a.agent().key());
                Agent agent = known != null ? known : a.agent();
                agents.putIfAbsent(agent.key(), agent);
                in.agents.add(new AgentMention(a.start(), a.end(), agent));
                if (agent.kind() != AgentKind.COUNTRY) {
                    mentionedAgents.add(agent.key());
                }
            }
            in.agents.sort((a, b) -> Integer.compare(a.start(), b.start()));
            in.negated = NEGATION.matcher(in.text).find();
            findAttributions(in);
            return in;
        }

        private boolean isPlaceName(PersonFinder.Found p) {
            return p.role() == null && !gazetteer.lookup(p.name()).isEmpty() && !bySurname.containsKey(surnameKey(p.name()));
        }

        private Agent person(PersonFinder.Found p, Info in, List<AgentMention> orgs) {
            String name = p.name();
            String[] words = name.split("\\s+");
            Agent existing = null;
            if (words.length == 1) {
                existing = bySurname.get(surnameKey(name));
            } else {
                Agent bySur = bySurname.get(surnameKey(words[words.length - 1]));
                if (bySur != null && bySur.label().split("\\s+").length == 1) {
                    // "Gladkov" earlier, "Vyacheslav Gladkov" now: the fuller name wins from here on.
                    existing = null;
                } else {
                    existing = bySur;
                }
            }
            String key = existing != null ? existing.key() : personKey(name);
            Agent a = agents.get(key);
            if (a == null) {
                a = new Agent(AgentKind.PERSON, key, name, null, null, null, false);
            }
            if (p.role() != null) {
                String affiliation = null;
                Side side = null;
                for (AgentMention o : orgs) {
                    if (o.start() >= p.titleStart() && o.end() <= Math.max(p.titleEnd(), p.start())
                            && o.agent().kind() != AgentKind.COUNTRY) {
                        affiliation = o.agent().key();
                        side = o.agent().side();
                    }
                }
                String title = p.titleStart() >= 0 ? in.text.substring(p.titleStart(), Math.max(p.titleStart(),
                        Math.min(in.text.length(), p.titleEnd()))) : "";
                if (side == null) {
                    side = AgentFinder.side(firstSideWord(title), null);
                }
                if (side == null) {
                    side = placeSide(title);
                }
                a = a.role() == null ? a.withRole(p.role(), affiliation) : a;
                if (a.side() == null && side != null) {
                    a = a.withSide(side);
                }
            }
            agents.put(key, a);
            bySurname.putIfAbsent(surnameKey(words[words.length - 1]), a);
            if (words.length > 1) {
                bySurname.put(surnameKey(words[words.length - 1]), a);
            }
            mentionedAgents.add(key);
            return a;
        }

        private Side placeSide(String title) {
            for (String w : title.split("\\s+")) {
                if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
                    continue;
                }
                for (Place p : gazetteer.lookup(w)) {
                    if (p.type() == PlaceType.OBLAST || p.type() == PlaceType.SETTLEMENT) {
                        return "RU".equals(p.countryCode()) ? Side.RUSSIA : "UA".equals(p.countryCode())
                                ? Side.UKRAINE : null;
                    }
                }
            }
            return null;
        }

        private void findAttributions(Info in) {
            String s = in.text;
            Matcher colon = COLON_SPEAKER.matcher(s);
            if (colon.find()) {
                for (AgentMention a : in.agents) {
                    if (a.agent().kind() == AgentKind.PERSON && a.end() == colon.start(1)) {
                        in.attributions.add(new Attribution(colon.start(1), colon.end(1), "said", a.agent(),
                                Stance.ASSERTED, false));
                        noteSpeaker(a.agent());
                    }
                }
            }
            Matcher m = ATTRIBUTION.matcher(s);
            while (m.find()) {
                String verb = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                Stance stance = DENY.matcher(verb).matches() ? Stance.DENIED : CONFIRM.matcher(verb).matches()
                        ? Stance.CONFIRMED : HEDGE.matcher(verb).matches() ? Stance.HEDGED : Stance.ASSERTED;
                Agent who;
                boolean nounClaim = verb.startsWith("claim") && m.start() > 2
                        && POSSESSIVE_CLAIM.matcher(s.substring(Math.max(0, m.start() - 3), Math.min(s.length(),
                        m.end() + 6))).find();
                if (verb.equals("according to")) {
                    who = firstAfter(in, m.end(), 80);
                    Matcher t = TITLE_REFERENCE.matcher(s.substring(m.end()));
                    if (t.find() && (who == null || !isNear(in, who, m.end(), 15))) {
                        Agent byTitle = personWithRole(PersonFinder.role(t.group(1)));
                        who = byTitle != null ? byTitle : who;
                    }
                } else if (nounClaim) {
                    who = lastBefore(in, m.start(), 30, false);
                } else {
                    who = claimantOf(in, m.start(), m.end(), verb);
                }
                Matcher sideClaim = SIDE_CLAIMS.matcher(s.substring(Math.max(0, m.start() - 30), m.start()));
                if ((verb.equals("claim") || verb.equals("claims")) && sideClaim.find()) {
                    // "Russian claims that ...": the side's claim, reported by someone else.
                    Side side = AgentFinder.side(sideClaim.group(1), null);
                    String label = side == Side.RUSSIA ? "Russia" : "Ukraine";
                    who = agents.computeIfAbsent("state-" + Iris.slug(label), k -> new Agent(AgentKind.COUNTRY, k,
                            label, side, null, null, false));
                    nounClaim = true;
                    stance = Stance.HEDGED;
                } else if (verb.startsWith("claims") && NOUN_BEFORE.matcher(s.substring(Math.max(0, m.start() - 12),
                        m.start())).find()) {
                    continue;
                }
                if (verb.equals("claim") && !nounClaim) {
                    continue;
                }
                if (stance != Stance.DENIED && NOT_BEFORE.matcher(s.substring(Math.max(0, m.start() - 16),
                        m.start())).find()) {
                    // "Kyiv has not confirmed the claim": no statement is made.
                    continue;
                }
                boolean deniesClaim = stance == Stance.DENIED
                        && CLAIM_OBJECT.matcher(s.substring(m.end())).find();
                in.attributions.add(new Attribution(m.start(), m.end(), verb, who, stance, deniesClaim));
                if (who != null) {
                    noteSpeaker(who);
                }
            }
        }

        private Agent claimantOf(Info in, int vs, int ve, String verb) {
            String before = in.text.substring(0, vs);
            if (PERSON_PRONOUN.matcher(before).find()) {
                return lastPerson;
            }
            Matcher title = TITLE_BEFORE.matcher(before);
            if (title.find() && lastBefore(in, vs, 25, true) == null) {
                Agent byTitle = personWithRole(PersonFinder.role(title.group(1)));
                if (byTitle != null) {
                    return byTitle;
                }
            }
            Matcher org = ORG_ANAPHOR.matcher(before);
            if (org.find()) {
                String w = org.group(1).toLowerCase(Locale.ROOT);
                if (w.equals("they") && lastOrg == null) {
                    return null;
                }
                if (w.endsWith("governor")) {
                    return lastPerson;
                }
                return lastOrg;
            }
            if (verb.startsWith("report") || verb.startsWith("state") || verb.startsWith("announc")) {
                Matcher by = Pattern.compile("^\\s*(?:\\w+\\s+){0,4}?by\\s+").matcher(in.text.substring(ve));
                if (by.find()) {
                    Agent a = firstAfter(in, ve + by.end(), 10);
                    if (a != null) {
                        return a;
                    }
                }
            }
            Agent left = lastBefore(in, vs, 110, true);
            if (left != null) {
                return left;
            }
            // Inverted: "..., said Nazar Voloshyn".
            return firstAfter(in, ve, 25);
        }

        /** The nearest agent ending before pos, people first; no quotation mark may stand between. */
        private Agent lastBefore(Info in, int pos, int window, boolean preferPerson) {
            AgentMention bestPerson = null;
            AgentMention bestOther = null;
            AgentMention bestCountry = null;
            for (AgentMention a : in.agents) {
                if (a.end() > pos || pos - a.end() > window) {
                    continue;
                }
                String between = in.text.substring(a.end(), pos);
                if (between.matches("(?s).*[“”\"«»;].*") || between.matches("(?is).*\\b(that|which|who|when|after)\\b.*")) {
                    continue;
                }
                switch (a.agent().kind()) {
                    case PERSON -> bestPerson = a;
                    case COUNTRY -> bestCountry = pos - a.end() <= 40 ? a : bestCountry;
                    default -> bestOther = pos - a.end() <= 70 ? a : bestOther;
                }
            }
            if (bestPerson != null && (preferPerson || bestOther == null || bestPerson.end() > bestOther.end())) {
                return bestPerson.agent();
            }
            if (bestOther != null) {
                return bestOther.agent();
            }
            return bestCountry != null ? bestCountry.agent() : null;
        }

        private boolean isNear(Info in, Agent who, int pos, int window) {
            for (AgentMention a : in.agents) {
                if (a.agent().key().equals(who.key()) && a.start() >= pos && a.start() - pos <= window) {
                    return true;
                }
            }
            return false;
        }

        /** The most recently seen person holding a role in this report. */
        private Agent personWithRole(String role) {
            Agent found = null;
            for (String k : mentionedAgents) {
                Agent a = agents.get(k);
                if (a != null && a.kind() == AgentKind.PERSON && role.equals(a.role())) {
                    found = a;
                }
            }
            return found;
        }

        private Agent firstAfter(Info in, int pos, int window) {
            for (AgentMention a : in.agents) {
                if (a.start() >= pos && a.start() - pos <= window) {
                    return a.agent();
                }
            }
            return null;
        }

        private void noteSpeaker(Agent who) {
            if (who.kind() == AgentKind.PERSON) {
                lastPerson = who;
            } else {
                lastOrg = who;
            }
            if (who.side() != null && who.kind() != AgentKind.PERSON) {
                contextSide = who.side();
            }
            mentionedAgents.add(who.key());
        }

        // ---- places --------------------------------------------------------------------------------------

        private void resolvePlaces() {
            // First the unambiguous names: they are the context for the ambiguous ones.
            Set<String> context = new java.util.HashSet<>();
            Map<String, Integer> oblastCounts = new HashMap<>();
            List<Place> resolvedPlaces = new ArrayList<>();
            for (Info in : infos) {
                for (PlaceMention pm : in.places) {
                    List<Place> c = typed(pm);
                    if (c.size() == 1 && !localForm(pm)) {
                        resolvedPlaces.add(c.get(0));
                        context.add(c.get(0).key());
                        List<Place> chain = new ArrayList<>(gazetteer.ancestors(c.get(0)));
                        chain.add(0, c.get(0));
                        for (Place a : chain) {
                            context.add(a.key());
                            if (a.type() == PlaceType.OBLAST) {
                                oblastCounts.merge(a.key(), 1, Integer::sum);
                            }
                        }
                    }
                }
            }
            String dominant = oblastCounts.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(null);
            // Names placed in an oblast by their sentence decide for every mention of the same name.
            Map<String, PlaceRef> decided = new HashMap<>();
            for (Info in : infos) {
                for (PlaceMention pm : in.places) {
                    Place stated = statedOblast(in, pm);
                    if (stated == null) {
                        continue;
                    }
                    List<Place> inside = new ArrayList<>();
                    for (Place p : typed(pm)) {
                        if (p.type() != PlaceType.OBLAST && gazetteer.ancestors(p).contains(stated)) {
                            inside.add(p);
                        }
                    }
                    PlaceRef ref = !inside.isEmpty() ? ref(choose(inside, context, resolvedPlaces, pm.surface()))
                            : typed(pm).stream().allMatch(p -> p.type() == PlaceType.SETTLEMENT)
                            ? mint(pm, stated.key(), recentRaion(in)) : null;
                    if (ref != null) {
                        decided.putIfAbsent(NameFolder.fold(pm.surface()), ref);
                    }
                }
            }
            for (Info in : infos) {
                for (PlaceMention pm : in.places) {
                    PlaceRef ref = decided.get(NameFolder.fold(pm.surface()));
                    if (ref == null) {
                        List<Place> c = typed(pm);
                        if (!c.isEmpty() && dominant != null && localForm(pm) && c.stream().noneMatch(p ->
                                gazetteer.ancestors(p).stream().anyMatch(a -> oblastCounts.containsKey(a.key())))) {
                            // "Khotin community" in a report about Sumy Oblast is not the Khotyn of Chernivtsi Oblast.
                            c = List.of();
                        }
                        ref = c.isEmpty() ? mint(pm, dominant, recentRaion(in))
                                : ref(c.size() == 1 ? c.get(0) : choose(c, context, resolvedPlaces, pm.surface()));
                    }
                    in.resolved.put(pm, ref);
                    places.putIfAbsent(ref.key(), ref);
                }
            }
        }

        /** Names written with a local generic word: "X community", "X village". */
        private boolean localForm(PlaceMention pm) {
            return pm.hint() == PlaceType.HROMADA || pm.surface().toLowerCase(Locale.ROOT).endsWith(" village")
                    || pm.surface().toLowerCase(Locale.ROOT).endsWith(" community");
        }

        /** "the village of Tabaivka" makes Tabaivka a place: its bare mentions elsewhere in the report count too. */
        private void addBareMentionsOfNewPlaces() {
            Set<String> names = new java.util.LinkedHashSet<>();
            for (Info in : infos) {
                for (PlaceMention pm : in.places) {
                    if (pm.candidates().isEmpty() && pm.hint() == PlaceType.SETTLEMENT) {
                        names.add(pm.surface().replaceFirst("(?i)^the\\s+", ""));
                    }
                }
            }
            for (String name : names) {
                Pattern p = Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(name) + "(?![\\p{L}-])");
                for (Info in : infos) {
                    Matcher m = p.matcher(in.text);
                    while (m.find()) {
                        int st = m.start();
                        int en = m.end();
                        boolean covered = in.places.stream().anyMatch(x -> x.start() < en && x.end() > st)
                                || in.agents.stream().anyMatch(x -> x.start() < en && x.end() > st);
                        if (!covered) {
                            in.places.add(new PlaceMention(st, en, name, List.of(), PlaceType.SETTLEMENT, false));
                        }
                    }
                    in.places.sort((x, y) -> Integer.compare(x.start(), y.start()));
                }
            }
        }

        private PlaceRef ref(Place p) {
            return new PlaceRef(p.key(), p.type(), p.label(), p.geonamesId(), p.parentKey(), true);
        }

        /** The oblast a sentence puts a name in: "Kamianka in the Kharkiv region", "Vesele village in ...". */
        private Place statedOblast(Info in, PlaceMention pm) {
            if (pm.hint() == PlaceType.OBLAST || pm.hint() == PlaceType.RIVER || pm.hint() == PlaceType.RAION) {
                return null;
            }
            int i = in.places.indexOf(pm);
            if (i < 0 || i + 1 >= in.places.size()) {
                return null;
            }
            PlaceMention next = in.places.get(i + 1);
            if (next.start() < pm.end()) {
                return null;
            }
            String between = in.text.substring(pm.end(), next.start());
            if (!between.matches("(?is)^,?\\s*(?:(?:village|town|city|settlement)\\s+)?(?:in|of)\\s+(?:the\\s+)?$")) {
                return null;
            }
            return typed(next).stream().filter(p -> p.type() == PlaceType.OBLAST).findFirst().orElse(null);
        }

        private List<Place> typed(PlaceMention pm) {
            if (pm.hint() == null || pm.candidates().size() <= 1) {
                return pm.candidates();
            }
            List<Place> t = new ArrayList<>();
            for (Place p : pm.candidates()) {
                if (p.type() == pm.hint()) {
                    t.add(p);
                }
            }
            return t.isEmpty() ? pm.candidates() : t;
        }

        /** Ambiguous name: the candidate inside an oblast or raion the report names, else near other places, else the largest. */
        private Place choose(List<Place> candidates, Set<String> context, List<Place> resolved, String surface) {
            Place best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            String folded = NameFolder.fold(surface.replaceFirst("(?i)^the\\s+", ""));
            for (Place p : candidates) {
                double score = Math.log10(p.population() + 10.0);
                if (NameFolder.fold(p.label()).equals(folded)) {
                    // Named by its own name, not by a former or variant name ("Hrodivka", once a name of Myrnohrad).
                    score += 15;
                }
                for (Place a : gazetteer.ancestors(p)) {
                    if (context.contains(a.key()) && a.type() != PlaceType.COUNTRY) {
                        score += a.type() == PlaceType.RAION ? 30 : 20;
                    }
                }
                if (p.type() == PlaceType.SETTLEMENT) {
                    score += 1;
                }
                if (p.lat() != null) {
                    for (Place r : resolved) {
                        if (r.lat() != null && r.type() == PlaceType.SETTLEMENT && !r.key().equals(p.key())
                                && distanceKm(p, r) < 60) {
                            score += 5;
                        }
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = p;
                }
            }
            return best;
        }

        /**
         * A place the gazetteer lacks. Its key carries the oblast the report is about, so that same-named villages
         * of two oblasts stay apart; it lies in the raion named just before it, else in that oblast.
         */
        private PlaceRef mint(PlaceMention pm, String oblastKey, String raion) {
            PlaceType type = pm.hint() != null ? pm.hint() : PlaceType.SETTLEMENT;
            String label = pm.surface().replaceFirst("(?i)^the\\s+", "");
            String oblast = null;
            String parent = null;
            if (type != PlaceType.OBLAST && type != PlaceType.RIVER) {
                oblast = oblastKey;
                Place r = raion == null ? null : gazetteer.get(raion).orElse(null);
                boolean raionFits = r != null && type != PlaceType.RAION && (oblast == null
                        || gazetteer.ancestors(r).stream().anyMatch(a -> a.key().equals(oblastKey)));
                parent = raionFits ? raion : oblast;
            }
            String key = "x-" + type.name().toLowerCase(Locale.ROOT) + "-" + Iris.slug(label)
                    + (oblast != null ? "-" + oblast : "");
            return new PlaceRef(key, type, label, null, parent, false);
        }

        /** The raion of the gazetteer named last in the sentences up to this one (three back at most). */
        private String recentRaion(Info current) {
            int index = infos.indexOf(current);
            for (int k = index; k >= 0 && index - k <= 3; k--) {
                Info in = infos.get(k);
                for (int m = in.places.size() - 1; m >= 0; m--) {
                    PlaceMention pm = in.places.get(m);
                    if (k == index && pm.start() >= current.places.stream().filter(x -> x.candidates().isEmpty())
                            .mapToInt(PlaceMention::start).min().orElse(0)) {
                        continue;
                    }
                    for (Place p : typed(pm)) {
                        if (p.type() == PlaceType.RAION && typed(pm).size() == 1) {
                            return p.key();
                        }
                    }
                }
            }
            return null;
        }


        // ---- quotes --------------------------------------------------------------------------------------

        /** Sentences inside a quotation are the speaker's, even when the attribution comes after the quote. */
        private void assignQuoteSpeakers(String text) {
            int i = 0;
            Agent previous = null;
            int previousEnd = -1;
            while (i < infos.size()) {
                Info in = infos.get(i);
                int open = firstQuote(in.text);
                if (open < 0) {
                    i++;
                    continue;
                }
                // Find the sentence that closes the quotation.
                int j = i;
                int close = closingQuote(in.text, open + 1);
                while (close < 0 && j + 1 < infos.size() && j - i < 6) {
                    j++;
                    close = closingQuote(infos.get(j).text, 0);
                }
                if (close < 0) {
                    j = i;
                }
                Agent speaker = null;
                Info last = infos.get(j);
                for (Attribution a : last.attributions) {
                    if (a.claimant() != null && close >= 0 && a.start() > close) {
                        speaker = a.claimant();
                        break;
                    }
                }
                if (speaker == null) {
                    for (Attribution a : in.attributions) {
                        if (a.claimant() != null && a.end() <= open) {
                            speaker = a.claimant();
                        }
                    }
                }
                if (speaker == null && previous != null && i - previousEnd <= 2) {
                    speaker = previous;
                }
                boolean negated = false;
                for (int k = i; k <= j; k++) {
                    negated |= infos.get(k).negated;
                }
                for (int k = i; k <= j; k++) {
                    infos.get(k).quoteSpeaker = speaker;
                    infos.get(k).negated = negated;
                    infos.get(k).quoteId = i;
                }
                if (speaker != null) {
                    previous = speaker;
                    previousEnd = j;
                }
                i = j + 1;
            }
        }

        private int firstQuote(String s) {
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '“' || c == '«' || (c == '"' && (k == 0 || !Character.isLetterOrDigit(s.charAt(k - 1))))) {
                    return k;
                }
            }
            return -1;
        }

        private int closingQuote(String s, int from) {
            for (int k = from; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '”' || c == '»' || (c == '"' && k > 0 && !Character.isWhitespace(s.charAt(k - 1)))) {
                    return k;
                }
            }
            return -1;
        }

        // ---- events --------------------------------------------------------------------------------------

        private List<Candidate> events(int index) {
            Info in = infos.get(index);
            List<EventClassifier.Trigger> triggers = new ArrayList<>(in.triggers);
            boolean strongAttack = triggers.stream().anyMatch(t -> !t.weak() && ATTACKS_TOPS.contains(t.type().top())
                    && t.type() != EventType.REPELLED_ATTACK);
            boolean control = triggers.stream().anyMatch(t -> t.type().top() == EventType.CONTROL_CHANGE);
            triggers.removeIf(t -> t.weak() && strongAttack);
            triggers.removeIf(t -> control && t.type() == EventType.FIGHTING);
            boolean attack = triggers.stream().anyMatch(t -> ATTACKS_TOPS.contains(t.type().top()));
            boolean intercept = INTERCEPT.matcher(in.text).find();
            if (attack) {
                // "shelling injured three": one shelling with its casualties, not a separate casualties event.
                triggers.removeIf(t -> t.type() == EventType.CASUALTIES);
            }
            // A repelled attack that names what was attempted is that attempt, repelled.
            boolean repelledWord = triggers.stream().anyMatch(t -> t.type() == EventType.REPELLED_ATTACK);
            if (repelledWord && triggers.stream().anyMatch(t -> t.type() != EventType.REPELLED_ATTACK
                    && (t.type().top() == EventType.AIR_STRIKE || t.type().top() == EventType.SHELLING
                    || t.type() == EventType.INFILTRATION_ATTEMPT || t.type() == EventType.ADVANCE
                    || t.type() == EventType.FIGHTING))) {
                triggers.removeIf(t -> t.type() == EventType.REPELLED_ATTACK);
            }
            Map<EventType, List<EventClassifier.Trigger>> byTop = new LinkedHashMap<>();
            for (EventClassifier.Trigger t : triggers) {
                byTop.computeIfAbsent(t.type().top(), k -> new ArrayList<>()).add(t);
            }
            List<Candidate> out = new ArrayList<>();
            for (Map.Entry<EventType, List<EventClassifier.Trigger>> e : byTop.entrySet()) {
                List<EventClassifier.Trigger> ts = e.getValue();
                Candidate c = new Candidate();
                c.sentence = index;
                c.position = ts.get(0).start();
                c.type = fineType(e.getKey(), ts);
                c.repelled = repelledWord || (intercept && (e.getKey() == EventType.AIR_STRIKE
                        || e.getKey() == EventType.SHELLING));
                c.quote = in.text.strip();
                c.weapon = weapon(in.text, ts);
                placeOf(c, in, index);
                c.time = timeOf(c, in, index);
                c.attribution = governing(in, c.position);
                actorOf(c, in);
                c.weakOnly = ts.stream().allMatch(EventClassifier.Trigger::weak);
                out.add(c);
            }
            assignQuantities(in, out);
            return splitByPlace(out, in);
        }

        /**
         * "hit a refinery in the Ryazan region and a depot in the Perm region": one event per place when the
         * sentence has one category of event and names several places, none inside another.
         */
        private List<Candidate> splitByPlace(List<Candidate> cs, Info in) {
            List<Candidate> out = new ArrayList<>();
            for (int i = 0; i < cs.size(); i++) {
                Candidate c = cs.get(i);
                // With several events in a sentence, an event's places are those between its trigger and the next.
                int from = cs.size() == 1 ? 0 : c.position;
                int to = i + 1 < cs.size() && cs.get(i + 1).position > c.position ? cs.get(i + 1).position
                        : in.text.length();
                List<String> keys = new ArrayList<>();
                boolean attack = c.type.top() == EventType.AIR_STRIKE || c.type.top() == EventType.SHELLING;
                for (PlaceMention pm : in.places) {
                    if (pm.start() < from || pm.start() >= to) {
                        continue;
                    }
                    PlaceRef r = in.resolved.get(pm);
                    boolean launchSite = attack
                            && LAUNCH_SITE.matcher(in.text.substring(Math.max(0, pm.start() - 60), pm.start())).find();
                    if (!pm.inName() && !launchSite && r.type() != PlaceType.COUNTRY && !keys.contains(r.key())) {
                        keys.add(r.key());
                    }
                }
                keys.removeIf(k -> keys.stream().anyMatch(o -> !o.equals(k) && within(o, k)));
                if (c.placeKey == null || keys.size() < 2 || !keys.contains(c.placeKey)) {
                    out.add(c);
                    continue;
                }
                for (String k : keys) {
                    Candidate x = c.copy();
                    x.placeKey = k;
                    out.add(x);
                }
            }
            return out;
        }

        /** "Oleksandr Prokudin ... announced this.": an attribution with nothing of its own covers the sentence before. */
        private void attributeBackwards(int index, List<Candidate> here, List<Candidate> before) {
            Info in = infos.get(index);
            if (!here.isEmpty() || in.attributions.isEmpty()) {
                return;
            }
            Attribution a = in.attributions.get(0);
            if (a.claimant() == null || a.deniesClaim()
                    || !in.text.substring(a.end()).matches("(?is)^\\s*(?:this|that|it|so|the\\s+news)?\\s*"
                    + "(?:on\\s+\\w+\\s*|in\\s+a\\s+statement\\s*)?[.;,]?\\s*$")) {
                return;
            }
            for (Candidate c : before) {
                if (c.sentence == index - 1 && c.attribution == null) {
                    c.attribution = a;
                }
            }
        }

        /** "The attack blew out windows; cars were damaged." after a shelling: the same attack, not a new one. */
        private void foldWeak(List<Candidate> here, List<Candidate> before) {
            foldIntoRecentAttack(here, before, 3, c -> c.weakOnly && (c.placeKey == null || c.placeFromAnaphor));
        }

        /** "Three people are in intensive care." after a shelling: its casualties, not another event. */
        private void foldCasualties(List<Candidate> here, List<Candidate> before) {
            foldIntoRecentAttack(here, before, 2, c -> c.type == EventType.CASUALTIES && c.placeFromAnaphor);
        }

        /** Drops the candidates that follow up an attack stated just before, giving it their quantities. */
        private void foldIntoRecentAttack(List<Candidate> here, List<Candidate> before, int window,
                                          java.util.function.Predicate<Candidate> followUp) {
            here.removeIf(c -> {
                if (!followUp.test(c)) {
                    return false;
                }
                for (int k = before.size() - 1; k >= 0 && c.sentence - before.get(k).sentence <= window; k--) {
                    Candidate b = before.get(k);
                    if (ATTACKS_TOPS.contains(b.type.top()) && !b.weakOnly) {
                        b.quantities.addAll(c.quantities);
                        return true;
                    }
                }
                return false;
            });
        }

        private EventType fineType(EventType top, List<EventClassifier.Trigger> ts) {
            EventType first = ts.get(0).type();
            if (top == EventType.CONTROL_CHANGE || top == EventType.GROUND_ASSAULT) {
                return first;
            }
            for (EventClassifier.Trigger t : ts) {
                if (t.type() != first) {
                    return top;
                }
            }
            return first;
        }

        private String weapon(String s, List<EventClassifier.Trigger> ts) {
            for (EventClassifier.Trigger t : ts) {
                EventType ty = t.type();
                if (ty == EventType.DRONE_STRIKE || ty == EventType.MISSILE_STRIKE || ty == EventType.GUIDED_BOMB_STRIKE
                        || ty == EventType.ROCKET_FIRE || ty == EventType.SHELLING) {
                    String w = s.substring(t.start(), t.end()).toLowerCase(Locale.ROOT);
                    if (!w.startsWith("shell") && !w.startsWith("fired")) {
                        return w;
                    }
                }
            }
            return null;
        }

        private void placeOf(Candidate c, Info in, int index) {
            PlaceMention after = null;
            PlaceMention before = null;
            PlaceMention named = null;
            boolean attack = c.type.top() == EventType.AIR_STRIKE || c.type.top() == EventType.SHELLING;
            for (PlaceMention pm : in.places) {
                if (pm.inName()) {
                    named = named == null ? pm : named;
                    continue;
                }
                if (attack && LAUNCH_SITE.matcher(in.text.substring(Math.max(0, pm.start() - 60), pm.start())).find()) {
                    // "drones launched from Kursk Oblast": where the attack came from, not where it struck.
                    continue;
                }
                if (pm.start() >= c.position) {
                    if (after == null) {
                        after = pm;
                    }
                } else {
                    before = pm;
                }
            }
            PlaceMention chosen = after != null && (before == null || after.start() - c.position < 90) ? after
                    : before != null ? before : after;
            if (chosen != null && in.resolved.get(chosen).type() == PlaceType.COUNTRY
                    && PLACE_ANAPHOR.matcher(in.text).find()) {
                chosen = null;
            }
            if (chosen != null) {
                c.placeKey = in.resolved.get(chosen).key();
                chosen = refineWithin(in, chosen);
                c.placeKey = in.resolved.get(chosen).key();
                return;
            }
            Matcher ana = PLACE_ANAPHOR.matcher(in.text);
            if (ana.find()) {
                if (ana.group(2) != null) {
                    // "a village": the text has not named it yet; the event merges with the named one if any.
                    return;
                }
                String kind = ana.group(1);
                c.placeKey = recentPlace(index, kind, in, named);
                c.placeFromAnaphor = c.placeKey != null;
                return;
            }
            if (named != null) {
                c.placeKey = in.resolved.get(named).key();
                return;
            }
            if (PLURAL_PLACES.matcher(in.text).find() || index == 0) {
                return;
            }
            c.placeKey = recentPlace(index, null, null, null);
            c.placeFromAnaphor = c.placeKey != null;
        }

        /** "Vesele village in the Zaporizhzhia region": the settlement, not the region that locates it. */
        private PlaceMention refineWithin(Info in, PlaceMention chosen) {
            return chosen;
        }

        /** The most recent place before this sentence (of the kind an anaphor names), looking back a few sentences. */
        private String recentPlace(int index, String kind, Info current, PlaceMention named) {
            PlaceType want = kind == null ? null : switch (kind.toLowerCase(Locale.ROOT)) {
                case "town", "city", "village", "settlement", "locality" -> PlaceType.SETTLEMENT;
                case "region", "oblast" -> PlaceType.OBLAST;
                case "district" -> PlaceType.RAION;
                case "community" -> PlaceType.HROMADA;
                default -> null;
            };
            int lookBack = kind == null ? 3 : 6;
            for (int k = index; k >= 0 && index - k <= lookBack; k--) {
                Info in = infos.get(k);
                List<PlaceMention> ps = new ArrayList<>(in.places);
                java.util.Collections.reverse(ps);
                for (PlaceMention pm : ps) {
                    PlaceRef r = in.resolved.get(pm);
                    if (r.type() == PlaceType.COUNTRY) {
                        continue;
                    }
                    if (want == null || r.type() == want
                            || (want == PlaceType.RAION && r.type() == PlaceType.CITYDISTRICT)) {
                        if (k == index && kind == null) {
                            continue;
                        }
                        return r.key();
                    }
                }
                if (k == index && kind != null && want == null) {
                    continue;
                }
            }
            return null;
        }

        private TimeValue timeOf(Candidate c, Info in, int index) {
            // The narrowest time in the sentence, the nearest of equals: "over the past month ... last week".
            TimeNormalizer.Found best = null;
            long bestScore = Long.MAX_VALUE;
            for (TimeNormalizer.Found t : in.times) {
                int d = t.end() <= c.position ? c.position - t.end() : Math.max(0, t.start() - c.position);
                long score = width(t.value()) * 10_000L + d;
                if (score < bestScore) {
                    bestScore = score;
                    best = t;
                }
            }
            if (best != null) {
                return best.value();
            }
            if (c.placeFromAnaphor && index > 0 && c.placeKey != null) {
                // A sentence that continues the previous one ("Ten people were killed.") shares its time.
                Info prev = infos.get(index - 1);
                if (prev.times.size() == 1) {
                    return prev.times.get(0).value();
                }
            }
            return null;
        }

        /** Roughly how many days a time covers. */
        private long width(TimeValue t) {
            if (t.date() != null) {
                return t.date().length() == 10 ? 1 : t.date().length() == 7 ? 30 : 365;
            }
            if (t.start() != null && t.end() != null && t.start().length() == 10 && t.end().length() == 10) {
                return Math.max(1, LocalDate.parse(t.end()).toEpochDay() - LocalDate.parse(t.start()).toEpochDay());
            }
            return 400;
        }

        private void actorOf(Candidate c, Info in) {
            Attribution at = c.attribution;
            if (at != null && at.end() >= 0 && at.end() <= c.position && at.claimant().side() != null
                    && at.claimant().kind() != AgentKind.PERSON
                    && SELF_REPORT.matcher(in.text.substring(at.end(), c.position)).find()) {
                // "The ministry claimed to have hit ...": the claimant's side acted.
                Agent force = at.claimant().kind() == AgentKind.FORCE ? at.claimant() : sideForce(at.claimant().side());
                c.actorKey = force.key();
                c.actorSide = force.side();
                return;
            }
            String before = in.text.substring(0, c.position);
            String after = in.text.substring(c.position);
            boolean defence = c.type == EventType.REPELLED_ATTACK || c.repelled;
            Matcher adj = SIDE_BEFORE.matcher(before);
            Matcher adjAfter = SIDE_AFTER.matcher(after.substring(Math.min(after.length(),
                    in.text.length() > c.position ? wordEnd(after) : 0)));
            Side side = null;
            if (adj.find() && !before.substring(adj.start()).matches("(?is).*\\b(forces|troops|army|military|soldiers|"
                    + "units|defenders|air\\s+defen[cs]es?)\\b.*")) {
                side = adj.group(1).equalsIgnoreCase("enemy") ? null : AgentFinder.side(adj.group(1), null);
            } else if (defence && adjAfter.find()) {
                side = AgentFinder.side(adjAfter.group(1), null);
            }
            if (side == null) {
                AgentMention subject = null;
                for (AgentMention a : in.agents) {
                    if (a.end() <= c.position && c.position - a.end() < 80 && a.agent().kind() == AgentKind.FORCE) {
                        subject = a;
                    }
                }
                Matcher by = Pattern.compile("^\\S*\\s+(?:\\w+\\s+){0,6}?by\\s+").matcher(after);
                if (by.find()) {
                    for (AgentMention a : in.agents) {
                        if (a.start() >= c.position + by.end() && a.start() - c.position - by.end() < 10
                                && a.agent().kind() == AgentKind.FORCE) {
                            c.actorKey = a.agent().key();
                            c.actorSide = a.agent().side();
                            return;
                        }
                    }
                }
                if (subject != null) {
                    if (defence && subject.agent().side() != null) {
                        side = subject.agent().side().opponent();
                    } else {
                        c.actorKey = subject.agent().key();
                        c.actorSide = subject.agent().side();
                        return;
                    }
                }
            }
            if (side != null) {
                Agent force = sideForce(side);
                c.actorKey = force.key();
                c.actorSide = side;
            }
        }

        private int wordEnd(String s) {
            int k = 0;
            while (k < s.length() && !Character.isWhitespace(s.charAt(k))) {
                k++;
            }
            return k;
        }

        /** The report's generic force of a side ("Russian forces"), made when the report names none. */
        private Agent sideForce(Side side) {
            for (Agent a : agents.values()) {
                if (a.kind() == AgentKind.FORCE && a.generic() && a.side() == side && mentionedAgents.contains(a.key())) {
                    return a;
                }
            }
            String label = AgentFinder.sideWord(side) + " forces";
            Agent a = agents.computeIfAbsent(Iris.slug(label), k -> new Agent(AgentKind.FORCE, k, label, side, null,
                    null, true));
            mentionedAgents.add(a.key());
            return a;
        }

        /** The attribution that governs a position: the nearest before it, else the nearest after. */
        private Attribution governing(Info in, int position) {
            Attribution before = null;
            Attribution after = null;
            for (Attribution a : in.attributions) {
                if (a.claimant() == null) {
                    continue;
                }
                if (a.end() <= position) {
                    before = a;
                } else if (after == null) {
                    after = a;
                }
            }
            Attribution chosen = before != null ? before : after;
            if (chosen == null && in.quoteSpeaker != null) {
                Stance st = in.negated ? Stance.DENIED : Stance.ASSERTED;
                return new Attribution(-1, -1, "said", in.quoteSpeaker, st, false);
            }
            if (chosen != null && in.negated && chosen.stance() != Stance.DENIED) {
                chosen = new Attribution(chosen.start(), chosen.end(), chosen.verb(), chosen.claimant(), Stance.DENIED,
                        false);
            }
            return chosen;
        }

        private void assignQuantities(Info in, List<Candidate> cs) {
            if (cs.isEmpty()) {
                return;
            }
            for (QuantityFinder.Found q : in.quantities) {
                String m = q.quantity().measure();
                Candidate target = null;
                if (m.equals("evacuated")) {
                    target = byTop(cs, EventType.EVACUATION);
                } else if (m.equals("killed") || m.equals("injured")) {
                    target = byTop(cs, EventType.CASUALTIES);
                    if (target == null) {
                        for (Candidate c : cs) {
                            if (ATTACKS_TOPS.contains(c.type.top())) {
                                target = c;
                                break;
                            }
                        }
                    }
                }
                if (target == null) {
                    int best = Integer.MAX_VALUE;
                    for (Candidate c : cs) {
                        int d = Math.abs(c.position - q.start());
                        if (d < best) {
                            best = d;
                            target = c;
                        }
                    }
                }
                target.quantities.add(q.quantity());
            }
        }

        private Candidate byTop(List<Candidate> cs, EventType top) {
            for (Candidate c : cs) {
                if (c.type.top() == top) {
                    return c;
                }
            }
            return null;
        }

        // ---- merging -------------------------------------------------------------------------------------

        /** Merges candidates that describe one event; returns for each candidate the candidate it merged into. */
        private List<Candidate> merge(List<Candidate> cs, List<EventRec> out) {
            List<Candidate> heads = new ArrayList<>();
            List<Candidate> into = new ArrayList<>();
            for (Candidate c : cs) {
                Candidate target = null;
                for (Candidate h : heads) {
                    if (compatible(h, c)) {
                        target = h;
                        break;
                    }
                }
                if (target == null) {
                    heads.add(c);
                    into.add(c);
                    continue;
                }
                absorb(target, c);
                into.add(target);
            }
            for (int i = 0; i < heads.size(); i++) {
                Candidate h = heads.get(i);
                h.merged = i;
                out.add(new EventRec(i, h.type, h.placeKey, h.actorKey, h.time, List.copyOf(h.quantities), h.repelled,
                        h.weapon, h.quote));
            }
            return into;
        }

        private boolean compatible(Candidate h, Candidate c) {
            if (h.type.top() != c.type.top()) {
                return false;
            }
            if ((h.type == EventType.OCCUPATION) != (c.type == EventType.OCCUPATION)) {
                return false;
            }
            if (h.time != null && c.time != null && !h.time.compatible(c.time)) {
                return false;
            }
            if (h.actorSide != null && c.actorSide != null && h.actorSide != c.actorSide) {
                return false;
            }
            if (h.placeKey == null && c.placeKey == null) {
                return true;
            }
            if (h.placeKey == null || c.placeKey == null) {
                // An unplaced event joins a placed one when it says too little to stand alone, or when nobody else
                // is credited with it close by.
                Candidate unplaced = h.placeKey == null ? h : c;
                Candidate placed = h.placeKey == null ? c : h;
                return unplaced.quantities.isEmpty() || (Math.abs(unplaced.sentence - placed.sentence) <= 3
                        && (unplaced.claimantKey() == null || unplaced.claimantKey().equals(placed.claimantKey())));
            }
            if (h.placeKey.equals(c.placeKey) || within(h.placeKey, c.placeKey) || within(c.placeKey, h.placeKey)) {
                return true;
            }
            // A round-up of strikes on several places of one region, from one source, is one event in that region.
            return (h.type.top() == EventType.SHELLING || h.type.top() == EventType.AIR_STRIKE
                    || h.type.top() == EventType.EVACUATION)
                    && (h.claimantKey() == null || c.claimantKey() == null || h.claimantKey().equals(c.claimantKey()))
                    && commonRegion(h.placeKey, c.placeKey) != null;
        }

        /** The smallest raion or oblast that holds both places, or null. */
        private String commonRegion(String a, String b) {
            List<String> chainA = chain(a);
            for (String k : chain(b)) {
                if (chainA.contains(k)) {
                    Place p = gazetteer.get(k).orElse(null);
                    PlaceType t = p != null ? p.type() : places.containsKey(k) ? places.get(k).type() : null;
                    return t == PlaceType.OBLAST || t == PlaceType.RAION ? k : null;
                }
            }
            return null;
        }

        private List<String> chain(String key) {
            List<String> out = new ArrayList<>();
            out.add(key);
            Place p = gazetteer.get(key).orElse(null);
            if (p == null && places.containsKey(key) && places.get(key).parentKey() != null) {
                out.add(places.get(key).parentKey());
                p = gazetteer.get(places.get(key).parentKey()).orElse(null);
            }
            if (p != null) {
                gazetteer.ancestors(p).forEach(x -> out.add(x.key()));
            }
            return out;
        }

        /** True when place a lies inside place b. */
        private boolean within(String a, String b) {
            Place p = gazetteer.get(a).orElse(null);
            if (p != null) {
                for (Place anc : gazetteer.ancestors(p)) {
                    if (anc.key().equals(b)) {
                        return true;
                    }
                }
                return false;
            }
            PlaceRef r = places.get(a);
            return r != null && b.equals(r.parentKey());
        }

        private void absorb(Candidate h, Candidate c) {
            if (c.placeKey != null && h.placeKey != null && !c.placeKey.equals(h.placeKey)
                    && !within(c.placeKey, h.placeKey) && !within(h.placeKey, c.placeKey)) {
                h.placeKey = commonRegion(h.placeKey, c.placeKey);
                h.aggregate = true;
            } else if (c.placeKey != null && !h.aggregate && (h.placeKey == null || within(c.placeKey, h.placeKey))) {
                h.placeKey = c.placeKey;
            }
            if (c.time != null && (h.time == null || c.time.precision() > h.time.precision())) {
                h.time = c.time;
            }
            if (h.actorKey == null) {
                h.actorKey = c.actorKey;
                h.actorSide = c.actorSide;
            }
            if (h.type.isTop() && !c.type.isTop()) {
                h.type = c.type;
            }
            for (QuantityRec q : c.quantities) {
                if (!h.quantities.contains(q)) {
                    h.quantities.add(q);
                }
            }
            h.repelled |= c.repelled;
            if (h.weapon == null) {
                h.weapon = c.weapon;
            }
        }

        // ---- claims --------------------------------------------------------------------------------------

        private List<ClaimRec> claims(List<Candidate> cs, List<Candidate> into, List<EventRec> events) {
            record Draft(Agent who, int event, Stance stance, String verb, String quote, int sentence) {
            }
            List<Draft> drafts = new ArrayList<>();
            for (int i = 0; i < cs.size(); i++) {
                Candidate c = cs.get(i);
                Attribution a = c.attribution;
                if (a == null || a.claimant() == null) {
                    continue;
                }
                drafts.add(new Draft(a.claimant(), into.get(i).merged, a.stance(), a.verb(), c.quote, c.sentence));
            }
            // "Ukraine rejected the claim", or a quote "That is not true." with no event of its own: a denial of
            // the latest claim of someone else.
            Set<Integer> withEvents = new java.util.HashSet<>();
            cs.forEach(c -> withEvents.add(c.sentence));
            for (int s = 0; s < infos.size(); s++) {
                Info info = infos.get(s);
                List<Attribution> denials = new ArrayList<>(info.attributions);
                final int quote = info.quoteId;
                boolean quoteHasEvents = quote >= 0 && cs.stream().anyMatch(c -> infos.get(c.sentence).quoteId == quote);
                if (info.negated && !withEvents.contains(s) && !quoteHasEvents) {
                    Agent speaker = info.quoteSpeaker;
                    for (Attribution a : info.attributions) {
                        speaker = speaker == null ? a.claimant() : speaker;
                    }
                    if (speaker != null) {
                        denials.add(new Attribution(-1, -1, "said", speaker, Stance.DENIED, true));
                    }
                }
                for (Attribution a : denials) {
                    if (!a.deniesClaim() || a.claimant() == null) {
                        continue;
                    }
                    for (int k = drafts.size() - 1; k >= 0; k--) {
                        Draft d = drafts.get(k);
                        Side deniers = side(a.claimant());
                        if (d.sentence() <= s && !d.who().key().equals(a.claimant().key())
                                && d.stance() != Stance.DENIED && (deniers == null || side(d.who()) != deniers)) {
                            drafts.add(new Draft(a.claimant(), d.event(), Stance.DENIED, a.verb(),
                                    infos.get(s).text.strip(), s));
                            break;
                        }
                    }
                }
            }
            // One claim per claimant and event; a denial is kept over an assertion.
            Map<String, Draft> unique = new LinkedHashMap<>();
            for (Draft d : drafts) {
                String k = d.who().key() + "|" + d.event();
                Draft old = unique.get(k);
                if (old == null || (d.stance() == Stance.DENIED && old.stance() != Stance.DENIED)) {
                    unique.put(k, d);
                }
            }
            List<Draft> kept = new ArrayList<>(unique.values());
            // Infer a denier's side: it opposes the side it denies.
            for (Draft d : kept) {
                if (d.stance() == Stance.DENIED && side(d.who()) == null) {
                    for (Draft o : kept) {
                        if (o.event() == d.event() && o.stance() != Stance.DENIED && side(o.who()) != null) {
                            Agent w = agents.get(d.who().key()).withSide(side(o.who()).opponent());
                            agents.put(w.key(), w);
                            break;
                        }
                    }
                }
            }
            // The same side saying the same thing twice: keep the most specific voice (a named person over the
            // army, the army over the country).
            List<Draft> pruned = new ArrayList<>();
            for (Draft d : kept) {
                boolean dominated = false;
                for (Draft o : kept) {
                    if (o != d && o.event() == d.event() && (o.stance() == Stance.DENIED) == (d.stance() == Stance.DENIED)
                            && side(o.who()) != null && side(o.who()) == side(d.who())
                            && specificity(o.who()) > specificity(d.who())) {
                        dominated = true;
                        break;
                    }
                }
                if (!dominated) {
                    pruned.add(d);
                }
            }
            List<ClaimRec> out = new ArrayList<>();
            for (int i = 0; i < pruned.size(); i++) {
                Draft d = pruned.get(i);
                mentionedAgents.add(d.who().key());
                agents.putIfAbsent(d.who().key(), d.who());
                out.add(new ClaimRec(i, d.who().key(), d.event(), d.stance(), d.verb(), d.quote(), -1));
            }
            // Link each denial to what it denies.
            for (int i = 0; i < out.size(); i++) {
                ClaimRec c = out.get(i);
                if (c.stance() != Stance.DENIED) {
                    continue;
                }
                for (ClaimRec o : out) {
                    if (o.eventId() == c.eventId() && o.stance() != Stance.DENIED
                            && !o.claimantKey().equals(c.claimantKey())) {
                        out.set(i, new ClaimRec(c.id(), c.claimantKey(), c.eventId(), c.stance(), c.attribution(),
                                c.quote(), o.id()));
                        break;
                    }
                }
            }
            return out;
        }

        private Side side(Agent a) {
            Agent current = agents.get(a.key());
            return current != null ? current.side() : a.side();
        }

        private int specificity(Agent a) {
            return switch (a.kind()) {
                case PERSON -> 3;
                case ORGANISATION -> 2;
                case FORCE -> a.generic() ? 1 : 2;
                case COUNTRY -> 0;
            };
        }

        private void applyHeadlineRole() {
            Matcher m = HEADLINE_ROLE.matcher(report.title());
            if (!m.find()) {
                return;
            }
            String role = PersonFinder.role(m.group(1));
            Agent only = null;
            int count = 0;
            for (String k : mentionedAgents) {
                Agent a = agents.get(k);
                if (a.kind() == AgentKind.PERSON && a.role() == null) {
                    only = a;
                    count++;
                }
            }
            if (count == 1) {
                agents.put(only.key(), only.withRole(role, null));
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static Side datelineSide(String text) {
        String head = text.length() > 400 ? text.substring(0, 400) : text;
        if (Pattern.compile("\\bMOSCOW\\b").matcher(head).find()) {
            return Side.RUSSIA;
        }
        if (Pattern.compile("\\b(KYIV|KIEV)\\b").matcher(head).find()) {
            return Side.UKRAINE;
        }
        return null;
    }

    /** "MOSCOW:" or "KYIV (Reuters) -" opening a paragraph names where the report was filed, not where things happened. */
    private static boolean isDateline(String text, PlaceMention pm) {
        String surface = pm.surface();
        return pm.start() <= 2 && surface.length() > 2 && surface.equals(surface.toUpperCase(Locale.ROOT))
                && text.substring(pm.end()).matches("(?s)^\\s*(?:[:(,—–-]|\\s).*");
    }

    /** "Moscow's claim", "Kyiv said": the capital stands for the state, not the place. */
    private static boolean isMetonym(String text, PlaceMention pm, List<AgentMention> orgs) {
        for (AgentMention a : orgs) {
            if (a.agent().kind() == AgentKind.COUNTRY && a.start() < pm.end() && a.end() > pm.start()) {
                String after = text.substring(pm.end());
                return after.matches("(?s)^['’]s\\b.*") || after.matches("(?is)^\\s+(?:\\w+ly\\s+)?(?:said|says|"
                        + "claimed|claims|rejected|denied|was|is|has|had|wants|accused|announced|insists)\\b.*");
            }
        }
        return false;
    }

    /** A headline in title case ("Ukraine Denies Russia Captured Village"): most words capitalised. */
    private static boolean titleCase(String s) {
        String[] w = s.split("\\s+");
        int caps = 0;
        for (String x : w) {
            if (!x.isEmpty() && Character.isUpperCase(x.charAt(0))) {
                caps++;
            }
        }
        return w.length >= 4 && caps * 10 >= w.length * 6;
    }

    private static String firstSideWord(String s) {
        Matcher m = Pattern.compile("\\b(Ukrainian|Ukraine|Russian|Russia)", Pattern.CASE_INSENSITIVE).matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private static boolean overlapsAny(List<AgentMention> ms, int start, int end) {
        for (AgentMention m : ms) {
            if (start < m.end() && end > m.start()) {
                return true;
            }
        }
        return false;
    }

    private static void mark(Sentence s, boolean[] mask, int start, int end) {
        for (int k = 0; k < s.size(); k++) {
            int ts = s.tokenStarts()[k] - s.start();
            int te = s.tokenEnds()[k] - s.start();
            if (ts < end && te > start) {
                mask[k] = true;
            }
        }
    }

    static String surnameKey(String name) {
        return NameFolder.fold(name.replaceAll("['’]s$", ""));
    }

    /** A person's key folds transliteration variants together: Syniehubov and Synyehubov are one person. */
    static String personKey(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : name.split("\\s+")) {
            if (b.length() > 0) {
                b.append('-');
            }
            b.append(Iris.slug(NameFolder.fold(w)));
        }
        return b.toString();
    }

    private static double distanceKm(Place a, Place b) {
        double r = 6371;
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.sqrt(h));
    }
}
