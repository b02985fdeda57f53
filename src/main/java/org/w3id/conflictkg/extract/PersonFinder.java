package org.w3id.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people and the positions a sentence gives them: title before the name ("Kharkiv Oblast Governor Oleh
 * Syniehubov", "army spokesman Volodymyr Fityo"), title in apposition ("the spokesperson for the Khortytsia group of
 * forces, Nazar Voloshyn," / "Oleh Syniehubov, head of the ..."), or a name as the subject of an attribution verb.
 */
final class PersonFinder {
    /** A person in a sentence: offsets of the name, the name, the role keyword and the offsets of the title phrase. */
    record Found(int start, int end, String name, String role, int titleStart, int titleEnd) {
    }

    static final String NAME = "((?:[A-Z][\\p{Ll}'’][\\p{L}'’-]*\\s+){0,2}[A-Z][\\p{Ll}'’][\\p{L}'’-]*)";
    /** Attribution verbs after which a name may stand ("..., said Nazar Voloshyn"). */
    private static final String VERBS = "(?:said|says|told|wrote|writes|noted|added|stated|announced|reported|"
            + "explained|stressed|emphasi[sz]ed|claimed|confirmed|denied|according\\s+to)";
    private static final String TITLE = "((?i:spokes(?:person|man|woman)|press\\s+secretary|governor|head|chief|commander"
            + "|(?:deputy\\s+)?(?:prime\\s+|foreign\\s+|defen[cs]e\\s+|interior\\s+)?minister|president|mayor"
            + "|secretary|adviser|advisor|ombudsman|commissioner|chairman|chairwoman|official|analyst|spokesperson"
            + "|general(?!\\s+staff)|colonel|lieutenant|major(?!\\s+general)|captain|sergeant|lieutenant\\s+general|major\\s+general|admiral"
            + "|commander-in-chief|representative|deputy))";
    private static final GuardedPattern TITLE_NAME = GuardedPattern.compile("\\b" + TITLE + "\\s+" + NAME);
    private static final GuardedPattern TITLE_OF_COMMA_NAME = GuardedPattern.compile(
            "\\b" + TITLE
            + "\\s+(?i:of|for|at|with|in)\\s+[^,;“”\"]{3,90},\\s+" + NAME + "\\s*(?:,|\\bsaid|\\bsays|\\btold|\\bwrote"
            + "|\\bannounced|\\bstated|\\bnoted|\\bclaimed|\\breported|\\bconfirmed|\\bdenied|\\badded)");
    private static final GuardedPattern NAME_COMMA_TITLE = GuardedPattern.compile(
            NAME + ",\\s+(?:the\\s+|a\\s+|an\\s+)?"
            + "(?:[\\p{L}'’-]+\\s+){0,4}?" + TITLE + "\\b(?:\\s+(?:of|for|at)\\s+[^,;.“”\"]{3,90})?");
    private static final GuardedPattern NAME_SAID = GuardedPattern.compile(
            NAME + "\\s+(?:\\w+ly\\s+)?(?:said|says|told|wrote|"
            + "announced|stated|noted|claimed|reported|confirmed|denied|added|warned|insisted|pointed\\s+out|"
            + "explained|stressed|emphasi[sz]ed|posted|alleged|declared|acknowledged|admitted)\\b");
    /** Ukrainian outlets' style: "Syniehubov: “...”" or "Oleh Syniehubov: ..." at the start of a sentence. */
    private static final GuardedPattern NAME_COLON = GuardedPattern.compile("^\\W*" + NAME + ":\\s");
    private static final GuardedPattern SAID_NAME = GuardedPattern.compile("\\b" + VERBS + "\\s+" + NAME + "\\b");
    /** "the head of Kharkiv RMA Oleh Syniehubov said": a title, its organisation, then a two-word name. */
    private static final GuardedPattern TITLE_ORG_NAME = GuardedPattern.compile(
            "\\b" + TITLE + "\\s+(?i:of|for)\\s+(?:the\\s+)?"
            + "(?:[A-Z][\\p{L}'’-]*\\s+){1,5}?([A-Z][\\p{Ll}'’][\\p{L}'’-]*\\s+[A-Z][\\p{Ll}'’][\\p{L}'’-]*)\\s+"
            + "(?:\\w+ly\\s+)?" + VERBS + "\\b");
    /** Capitalised words that are not names even when they stand where names do. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "he", "she", "it", "they", "we", "i",
            "this", "that", "these", "those", "his", "her", "its", "their", "our", "on", "in", "at", "by", "as",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "june", "july", "august", "september", "october", "november", "december", "telegram",
            "ukraine", "russia", "moscow", "kyiv", "kiev", "ukrainian", "russian", "ministry", "staff", "army",
            "military", "forces", "administration", "governor", "spokesman", "spokesperson", "president", "media",
            "officials", "authorities", "police", "reuters", "ukrinform", "tass", "interfax", "ria", "afp", "ap",
            "but", "and", "however", "meanwhile", "also", "later", "earlier", "there", "here", "defence", "defense",
            "general", "regional", "oblast", "region", "district", "city", "village", "town", "according", "when",
            "after", "before", "while", "since", "if", "so", "then", "mr", "mrs", "ms", "dr", "western", "eastern",
            "northern", "southern", "european", "american", "british", "state", "national", "armed", "air",
            "today", "yesterday", "kremlin", "vostok", "zapad", "khortytsia", "himars", "nato", "un", "eu", "us",
            "uk", "fpv", "mlrs", "brigade", "group", "head", "chief", "minister", "mayor", "commander", "separate",
            "security", "service", "council", "office", "center", "centre", "institute", "committee", "news",
            "agency", "storm", "shadow", "shahed", "iskander", "kalibr", "kinzhal", "vampir", "grad", "rm-70",
            "ukraine's", "russia's", "russians", "ukrainians", "zaporizhzhia", "donbas", "crimea", "ministry's",
            "tuesday's", "monday's", "kharkiv", "donetsk", "luhansk", "kherson", "sumy", "belgorod", "kursk");
    /** Words that make a capitalised phrase a place or a body, never a person: "Vovcha River", "Sumy Region". */
    private static final Set<String> PLACE_WORDS = Set.of("river", "oblast", "region", "raion", "district",
            "community", "hromada", "village", "reservoir", "krai", "republic", "province", "brigade", "battalion",
            "regiment", "corps", "staff", "administration", "ministry", "council", "forces", "group", "direction");
    private static final Map<String, String> ROLE_WORDS = Map.ofEntries(Map.entry("spokesman", "spokesperson"),
            Map.entry("spokeswoman", "spokesperson"), Map.entry("press secretary", "spokesperson"),
            Map.entry("chairwoman", "chairman"), Map.entry("advisor", "adviser"),
            Map.entry("commander-in-chief", "commander"));

    private PersonFinder() {
    }

    static List<Found> find(String s) {
        List<Found> out = new ArrayList<>();
        boolean[] taken = new boolean[s.length() + 1];
        String lower = GuardedPattern.lower(s);
        Matcher m = TITLE_OF_COMMA_NAME.matcher(s, lower);
        while (m.find()) {
            add(out, taken, s, m.start(2), m.end(2), m.group(2), m.group(1), m.start(), m.start(2));
        }
        m = TITLE_ORG_NAME.matcher(s, lower);
        while (m.find()) {
            add(out, taken, s, m.start(2), m.end(2), m.group(2), m.group(1), m.start(), m.start(2));
        }
        m = TITLE_NAME.matcher(s, lower);
        while (m.find()) {
            int titleStart = extendTitleLeft(s, m.start());
            add(out, taken, s, m.start(2), m.end(2), m.group(2), m.group(1), titleStart, m.end(1));
        }
        m = NAME_COMMA_TITLE.matcher(s, lower);
        while (m.find()) {
            add(out, taken, s, m.start(1), m.end(1), m.group(1), m.group(2), m.end(1), m.end());
        }
        m = NAME_SAID.matcher(s, lower);
        while (m.find()) {
            add(out, taken, s, m.start(1), m.end(1), m.group(1), null, -1, -1);
        }
        m = NAME_COLON.matcher(s, lower);
        while (m.find()) {
            add(out, taken, s, m.start(1), m.end(1), m.group(1), null, -1, -1);
        }
        m = SAID_NAME.matcher(s, lower);
        while (m.find()) {
            add(out, taken, s, m.start(1), m.end(1), m.group(1), null, -1, -1);
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static final Pattern TITLE_LEFT =
            Pattern.compile("((?:[A-Z][\\p{L}'’-]*|army|military|regional|ministry|defen[cs]e|the)\\s+)$");

    /** The title phrase may start earlier: "Kharkiv Oblast Governor", "army spokesman", "Ukraine's military spokesman". */
    private static int extendTitleLeft(String s, int start) {
        int i = start;
        Matcher m = TITLE_LEFT.matcher("");
        for (int k = 0; k < 4; k++) {
            m.reset(s.substring(0, i));
            if (!m.find()) {
                break;
            }
            i = m.start();
        }
        return i;
    }

    private static void add(List<Found> out, boolean[] taken, String s, int start, int end, String name, String title,
                            int titleStart, int titleEnd) {
        // Trim leading words that are not part of a name ("The", "Governor").
        String[] words = name.split("\\s+");
        if (PLACE_WORDS.contains(words[words.length - 1].toLowerCase(Locale.ROOT))) {
            // "Karnaukhivka, a village in Dnipropetrovsk Oblast, Russian Defence Ministry spokesman ...": a place.
            return;
        }
        int skip = 0;
        int offset = start;
        while (skip < words.length && NOT_NAMES.contains(words[skip].toLowerCase(Locale.ROOT))) {
            offset += words[skip].length();
            while (offset < s.length() && Character.isWhitespace(s.charAt(offset))) {
                offset++;
            }
            skip++;
        }
        int keep = words.length;
        while (keep > skip && NOT_NAMES.contains(words[keep - 1].toLowerCase(Locale.ROOT))) {
            keep--;
        }
        if (keep <= skip) {
            return;
        }
        String clean = String.join(" ", java.util.Arrays.copyOfRange(words, skip, keep));
        for (String w : clean.split("\\s+")) {
            if (NOT_NAMES.contains(w.toLowerCase(Locale.ROOT)) || PLACE_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                return;
            }
        }
        int cleanEnd = offset + clean.length();
        for (int i = offset; i < cleanEnd; i++) {
            if (taken[i]) {
                return;
            }
        }
        for (int i = offset; i < cleanEnd; i++) {
            taken[i] = true;
        }
        String role = title == null ? null : role(title);
        out.add(new Found(offset, cleanEnd, clean.replace('’', '\''), role, titleStart, titleEnd));
    }

    static String role(String title) {
        String t = title.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (ROLE_WORDS.containsKey(t)) {
            return ROLE_WORDS.get(t);
        }
        String[] w = t.split(" ");
        String last = w[w.length - 1];
        return ROLE_WORDS.getOrDefault(last, last);
    }
}
