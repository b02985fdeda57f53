package org.w3id.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3id.conflictkg.rdf.Iris;

/**
 * Recognises armed forces, organisations and countries speaking or acting in a sentence, with their side:
 * "the Khortytsia group of forces", "the 3rd Separate Assault Brigade", "Russian troops", "Russia's defence
 * ministry", "the Sumy Regional Military Administration", "Moscow". People are found by {@link PersonFinder}.
 */
final class AgentFinder {
    private static final String SIDE_ADJ = "(Ukrainian|Ukraine['’]s|Ukraine|Russian|Russia['’]s|Russia|Kyiv['’]s|"
            + "Moscow['’]s|Belarusian|North Korean)";
    private static final Set<String> RUSSIAN_GROUPS = Set.of("vostok", "zapad", "tsentr", "yug", "sever", "dnepr",
            "east", "west", "centre", "center", "south", "north", "dnieper");
    private static final Set<String> UKRAINIAN_GROUPS = Set.of("khortytsia", "khortytsya", "tavria", "tavriia",
            "odesa", "siversk", "sivershchyna", "luhansk", "donetsk", "kharkiv", "kursk");

    private static final GuardedPattern GROUP_OF_FORCES = GuardedPattern.compile(
            "\\b(?:(?:the|its|their)\\s+)?((?:[A-Z][\\w'’-]+\\s+){1,2}(?:\\([A-Z][\\w]+\\)\\s+)?)"
            + "([Gg]roup\\s+of\\s+[Ff]orces|[Oo]perational[- ][Ss]trategic\\s+[Gg]roup|[Oo]perational\\s+[Cc]ommand)");
    /** TASS style: "the Battlegroup West", "the Sever (North) Battlegroup". */
    private static final GuardedPattern BATTLEGROUP = GuardedPattern.compile(
            "\\b(?:(?:the\\s+)?(?:Battle\\s*[Gg]roup|Battlegroup)\\s+([A-Z][\\w'’-]+)|([A-Z][\\w'’-]+(?:\\s+\\([A-Z]\\w+\\))?)"
            + "\\s+(?:Battle\\s*[Gg]roup|Battlegroup))\\b");
    private static final GuardedPattern FORMATION = GuardedPattern.compile(
            "\\b((?:\\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\\s+(?:(?:[A-Z][\\w-]*|of|the)\\s+){0,5}?"
            + "(?:Brigade|Regiment|Division|Battalion|Corps|Army|Fleet|Detachment))\\b(?:\\s+(?:named\\s+after|of)"
            + "\\s+(?:the\\s+)?(?:[A-Z][\\w'’-]*\\s*){1,3})?");
    private static final GuardedPattern GENERIC_FORCE = GuardedPattern.compile(
            "\\b" + SIDE_ADJ + "\\s+((?:(?:air\\s+defen[cs]e|armed|defen[cs]e|ground|military|special|airborne|"
            + "border|naval|assault|sabotage)\\s+)?(?:forces|troops|army|military|soldiers|servicemen|units|occupiers|"
            + "occupants|invaders|defenders|air\\s+defen[cs]es|marines|paratroopers|navy|fighters|air\\s+force|"
            + "national\\s+guard|border\\s+guards?|assault\\s+groups?|sabotage\\s+groups?|drone\\s+operators|"
            + "artillery(?:men)?|aviation))\\b", Pattern.CASE_INSENSITIVE);
    private static final GuardedPattern FORCES_OF = GuardedPattern.compile(
            "\\b((?:the\\s+)?(?:armed|defen[cs]e|air|security\\s+and\\s+defen[cs]e|ground)\\s+forces\\s+of\\s+"
            + "(?:the\\s+)?(Ukraine|Russia|Russian\\s+Federation))\\b", Pattern.CASE_INSENSITIVE);
    private static final GuardedPattern DEFENCE_MINISTRY = GuardedPattern.compile(
            "\\b(?:" + SIDE_ADJ + "\\s+|the\\s+|its\\s+)?(?:(?:Ministry\\s+of\\s+Defen[cs]e|Defen[cs]e\\s+Ministry|"
            + "defen[cs]e\\s+ministry|Defen[cs]e\\s+Ministry|ministry\\s+of\\s+defen[cs]e|MoD)"
            + "(?:\\s+of\\s+(?:the\\s+)?(Ukraine|Russia|Russian\\s+Federation))?)", Pattern.CASE_INSENSITIVE);
    private static final GuardedPattern GENERAL_STAFF = GuardedPattern.compile(
            "\\b(?:" + SIDE_ADJ + "\\s+|the\\s+)?General\\s+Staff(?:\\s+of\\s+(?:the\\s+)?(?:Armed\\s+Forces\\s+of\\s+"
            + "(?:the\\s+)?)?(Ukraine|Russia|Russian\\s+Federation|Ukrainian\\s+Armed\\s+Forces))?",
            Pattern.CASE_INSENSITIVE);
    private static final GuardedPattern ADMINISTRATION = GuardedPattern.compile(
            "\\b((?:[A-Z][\\w'’-]+\\s+){1,2}(?:Regional|Oblast|City|District|Raion)\\s+(?:Military\\s+|State\\s+|"
            + "Civil[- ]Military\\s+|Military[- ]Civil\\s+)?Administration)");
    private static final GuardedPattern NAMED_ORG = GuardedPattern.compile(
            "\\b(?:the\\s+)?((?:[A-Z][\\w'’-]+\\s+){0,3}(?:Ministry|Service|Agency|Office|Committee|Council|"
            + "Department|Institute\\s+for\\s+the\\s+Study\\s+of\\s+War|Command|Guard|Police|Prosecutor['’]s\\s+Office)"
            + "(?:\\s+of\\s+(?:the\\s+)?(?:[A-Z][\\w'’-]+\\s*){1,4})?)");
    private static final Map<String, Object[]> KNOWN_ORGS = Map.ofEntries(
            Map.entry("SBU", new Object[] {"Security Service of Ukraine", Side.UKRAINE}),
            Map.entry("FSB", new Object[] {"Federal Security Service of Russia", Side.RUSSIA}),
            Map.entry("ISW", new Object[] {"Institute for the Study of War", Side.OTHER}),
            Map.entry("DeepState", new Object[] {"DeepState", Side.UKRAINE}),
            Map.entry("Kremlin", new Object[] {"Kremlin", Side.RUSSIA}),
            Map.entry("Rosgvardia", new Object[] {"Rosgvardia", Side.RUSSIA}),
            Map.entry("Wagner", new Object[] {"Wagner Group", Side.RUSSIA}),
            Map.entry("Akhmat", new Object[] {"Akhmat forces", Side.RUSSIA}),
            Map.entry("Azov", new Object[] {"Azov Brigade", Side.UKRAINE}),
            Map.entry("IAEA", new Object[] {"International Atomic Energy Agency", Side.OTHER}),
            Map.entry("UN", new Object[] {"United Nations", Side.OTHER}),
            Map.entry("NATO", new Object[] {"NATO", Side.OTHER}));
    private static final GuardedPattern KNOWN = GuardedPattern.compile(
            "\\b(?:the\\s+)?(" + String.join("|", KNOWN_ORGS.keySet()) + ")\\b");
    private static final GuardedPattern COUNTRY = GuardedPattern.compile(
            "\\b(Ukraine|Russia|Moscow|Kyiv|Kiev)\\b(?!['’]s\\s+"
            + "(?:\\w+\\s+)?(?:forces|troops|army|military|defen|ministry|general|air|armed|border|navy))");

    private AgentFinder() {
    }

    /** Forces, organisations and countries in a sentence; {@code context} gives the side of unqualified names. */
    static List<AgentMention> find(String s, Side contextSide) {
        List<AgentMention> out = new ArrayList<>();
        boolean[] taken = new boolean[s.length() + 1];
        String lower = GuardedPattern.lower(s);
        Matcher m = GROUP_OF_FORCES.matcher(s, lower);
        while (m.find()) {
            String name = m.group(1).strip();
            String first = name.split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (first.equals("the") || first.equals("a")) {
                continue;
            }
            Side side = RUSSIAN_GROUPS.contains(first) ? Side.RUSSIA : UKRAINIAN_GROUPS.contains(first)
                    ? Side.UKRAINE : sideNear(s, m.start(), contextSide);
            String label = name + " " + m.group(2).toLowerCase(Locale.ROOT).replace("operational strategic",
                    "operational-strategic");
            add(out, taken, m.start(1), m.end(2), new Agent(AgentKind.FORCE, Iris.slug(label), label, side, null,
                    null, false));
        }
        m = BATTLEGROUP.matcher(s, lower);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String first = name.split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (first.equals("the")) {
                continue;
            }
            Side side = RUSSIAN_GROUPS.contains(first) ? Side.RUSSIA : UKRAINIAN_GROUPS.contains(first)
                    ? Side.UKRAINE : sideNear(s, m.start(), contextSide);
            // One formation, two spellings: "Battlegroup West" and "the Zapad group of forces" stay distinct names.
            String label = name + " battlegroup";
            add(out, taken, m.start(), m.end(), new Agent(AgentKind.FORCE, Iris.slug(label), label, side, null, null,
                    false));
        }
        m = FORMATION.matcher(s, lower);
        while (m.find()) {
            String label = m.group(0).strip();
            if (label.matches("(?i)(the\\s+)?(Russian|Ukrainian)\\s+Army") || label.startsWith("The ")) {
                continue;
            }
            add(out, taken, m.start(), m.end(), new Agent(AgentKind.FORCE, Iris.slug(label), label,
                    sideNear(s, m.start(), contextSide), null, null, false));
        }
        m = DEFENCE_MINISTRY.matcher(s, lower);
        while (m.find()) {
            Side side = side(m.group(1) != null ? m.group(1) : m.group(2), contextSide);
            String label = sideWord(side) + " Defence Ministry";
            add(out, taken, m.start(), m.end(), org(label, side));
        }
        m = GENERAL_STAFF.matcher(s, lower);
        while (m.find()) {
            Side side = side(m.group(1) != null ? m.group(1) : m.group(2), contextSide);
            add(out, taken, m.start(), m.end(), org(sideWord(side) + " General Staff", side));
        }
        m = ADMINISTRATION.matcher(s, lower);
        while (m.find()) {
            String label = m.group(1).strip();
            add(out, taken, m.start(1), m.end(1), org(label, contextSide == null ? Side.UKRAINE : contextSide));
        }
        m = FORCES_OF.matcher(s, lower);
        while (m.find()) {
            Side side = side(m.group(2), contextSide);
            String label = m.group(1).replaceFirst("(?i)^the\\s+", "");
            add(out, taken, m.start(1), m.end(1), new Agent(AgentKind.FORCE, Iris.slug(label), label, side, null,
                    null, true));
        }
        m = GENERIC_FORCE.matcher(s, lower);
        while (m.find()) {
            Side side = side(m.group(1), contextSide);
            String noun = m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            String label = sideWord(side) + " " + noun;
            add(out, taken, m.start(), m.end(), new Agent(AgentKind.FORCE, Iris.slug(label), label, side, null, null,
                    true));
        }
        m = KNOWN.matcher(s, lower);
        while (m.find()) {
            Object[] k = KNOWN_ORGS.get(m.group(1));
            AgentKind kind = m.group(1).equals("Azov") || m.group(1).equals("Akhmat") || m.group(1).equals("Wagner")
                    ? AgentKind.FORCE : AgentKind.ORGANISATION;
            add(out, taken, m.start(1), m.end(1), new Agent(kind, Iris.slug((String) k[0]), (String) k[0],
                    (Side) k[1], null, null, false));
        }
        m = NAMED_ORG.matcher(s, lower);
        while (m.find()) {
            String label = m.group(1).strip();
            if (label.split("\\s+").length < 2 || label.matches("(?i)(the\\s+)?(ministry|service|office|command)")) {
                continue;
            }
            add(out, taken, m.start(1), m.end(1), org(label, sideNear(s, m.start(), contextSide)));
        }
        m = COUNTRY.matcher(s, lower);
        while (m.find()) {
            Side side = side(m.group(1), null);
            String label = side == Side.RUSSIA ? "Russia" : "Ukraine";
            add(out, taken, m.start(1), m.end(1), new Agent(AgentKind.COUNTRY, "state-" + Iris.slug(label), label,
                    side, null, null, false));
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static Agent org(String label, Side side) {
        return new Agent(AgentKind.ORGANISATION, Iris.slug(label), label, side, null, null, false);
    }

    private static void add(List<AgentMention> out, boolean[] taken, int start, int end, Agent a) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return;
            }
        }
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
        out.add(new AgentMention(start, end, a));
    }

    static String sideWord(Side side) {
        return side == Side.RUSSIA ? "Russian" : side == Side.UKRAINE ? "Ukrainian" : "Foreign";
    }

    /** The side a word names: Ukrainian, Ukraine's, Kyiv's are Ukraine; Russian, Moscow's are Russia. */
    static Side side(String word, Side fallback) {
        if (word == null) {
            return fallback;
        }
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("ukrain") || w.startsWith("kyiv")) {
            return Side.UKRAINE;
        }
        if (w.startsWith("russia") || w.startsWith("moscow")) {
            return Side.RUSSIA;
        }
        if (w.startsWith("belarus") || w.startsWith("north korea")) {
            return Side.RUSSIA;
        }
        return fallback;
    }

    private static final Pattern SIDE_WORD = Pattern.compile("\\b(Ukrainian|Ukraine|Russian|Russia|Kyiv|Moscow)",
            Pattern.CASE_INSENSITIVE);

    /** The side named closest before a position in the sentence, else the context's. */
    static Side sideNear(String s, int pos, Side fallback) {
        Matcher m = SIDE_WORD.matcher(s.substring(0, pos));
        Side last = null;
        while (m.find()) {
            last = side(m.group(1), null);
        }
        if (last != null) {
            return last;
        }
        Matcher after = SIDE_WORD.matcher(s.substring(pos, Math.min(s.length(), pos + 80)));
        return after.find() ? side(after.group(1), fallback) : fallback != null ? fallback : Side.OTHER;
    }
}
