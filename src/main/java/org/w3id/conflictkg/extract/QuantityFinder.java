package org.w3id.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds stated numbers in a sentence with their qualifier and what they count: "nearly 22,000 civilians have been
 * evacuated" is 22000, "nearly", evacuated; "at least 3 killed" is 3, "at least", killed.
 */
public final class QuantityFinder {
    /** A quantity found in a sentence, with character offsets within the sentence. */
    public record Found(int start, int end, QuantityRec quantity) {
    }

    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("hundred", 100), Map.entry("a hundred", 100), Map.entry("dozens", 24),
            Map.entry("a dozen", 12));
    private static final String QUALIFIER = "(nearly|almost|about|around|approximately|roughly|some|at least|more than"
            + "|over|up to|fewer than|less than|as many as|at most|an estimated|close to|under)";
    /** A number ends where its word ends ("fourteen", not "four") and is no modifier ("52-year-old", "155-mm"). */
    private static final String NUM = "(\\d{1,3}(?:[,\\u00a0 ]\\d{3})+|\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven"
            + "|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
            + "|thirty|forty|fifty|a hundred|hundred|a dozen)(?!\\w|-\\p{L})";
    private static final Pattern QUANTITY = Pattern.compile("(?<![\\w.,-])(?:" + QUALIFIER + "\\s+)?" + NUM
            + "(?:\\s+(thousand|million))?(?:\\s+(?:more\\s+|other\\s+|more\\s+than\\s+)?"
            + "((?:[a-z-]+\\s+){0,2}?[a-z-]+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern KILLED = Pattern.compile(
            "\\b(kill(ed|ing|s)?|dead|died|deaths?|lives|fatalities|perished|bodies)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern INJURED = Pattern.compile(
            "\\b(injur(ed|es|ing|ies|y)|wound(ed|ing|s)?|hurt|hospitali[sz]ed|intensive care)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVACUATED = Pattern.compile(
            "\\b(evacuat\\w*|relocat\\w*|resettled|moved out)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PEOPLE = Pattern.compile(
            "^(?:\\w+\\s+)?(people|persons|civilians|residents|children|adults|men|women|soldiers|servicemen|"
            + "troops|inhabitants|citizens|pensioners|elderly|minors|families|victims)\\b", Pattern.CASE_INSENSITIVE);
    /** Nouns after a number that say it is not a count of something that happened (a time, an age, a size). */
    private static final Pattern NOT_COUNT = Pattern.compile(
            "^(years?|months?|weeks?|days?|hours?|minutes?|km|kilometers?|kilometres?|miles?|meters?|metres?|percent"
            + "|per|%|am|pm|a\\.m|p\\.m|o'clock|th|st|nd|rd)\\b", Pattern.CASE_INSENSITIVE);

    /** Words that may follow a number without being what it counts. */
    private static final Set<String> NOT_NOUNS = Set.of("in", "at", "on", "of", "from", "to", "near", "across",
            "after", "during", "by", "and", "or", "but", "as", "while", "when", "were", "was", "are", "is", "have",
            "has", "had", "been", "being", "remain", "remained", "remains", "said", "say", "says", "who", "which",
            "that", "including", "over", "for", "with", "into", "through", "toward", "towards", "against", "inside",
            "outside", "behind");

    private static final Pattern NEXT_WORD = Pattern.compile("\\s+([A-Za-z][A-Za-z-]*)\\b");
    /** Words before a noun that say which or what kind: "private houses", "residential buildings". */
    private static final Set<String> ADJECTIVES = Set.of("private", "residential", "civilian", "military",
            "multi-storey", "multi-story", "high-rise", "apartment", "enemy", "attack", "combat", "armoured",
            "armored", "guided", "cruise", "ballistic", "aerial", "unmanned", "more", "other", "additional", "new");

    /**
     * A word that qualifies the noun after it: a name or adjective of origin ("Russian", "Shahed"), a "-type", a
     * compound that is no plural ("fixed-wing").
     */
    private static boolean modifier(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return Character.isUpperCase(word.charAt(0)) || ADJECTIVES.contains(w) || w.endsWith("-type")
                || w.endsWith("-made") || w.endsWith("-style") || w.contains("-") && !w.endsWith("s");
    }

    private QuantityFinder() {
    }

    /** All quantities in a sentence, left to right; numbers that are years, days of a month or ages are skipped. */
    public static List<Found> find(String sentence, List<TimeNormalizer.Found> times) {
        List<Found> out = new ArrayList<>();
        Matcher m = QUANTITY.matcher(sentence);
        while (m.find()) {
            if (insideTime(times, m.start(2), m.end(2))) {
                continue;
            }
            String noun = m.group(4) == null ? "" : m.group(4).toLowerCase(Locale.ROOT);
            if (NOT_COUNT.matcher(noun).find()) {
                continue;
            }
            if (NOT_NOUNS.contains(noun.split("\\s+")[0])) {
                // "injures three in Belgorod", "22 were injured": the number stands alone; its kind is around it.
                noun = "";
            }
            long amount = amount(m.group(2), m.group(3));
            if (amount < 0) {
                continue;
            }
            int end = !noun.isEmpty() ? m.end(4) : m.group(3) != null ? m.end(3) : m.end(2);
            if (!noun.isEmpty() && modifier(m.group(4))) {
                // "11 Russian drones", "three private houses": what is counted is the noun the words lead to.
                Matcher next = NEXT_WORD.matcher(sentence);
                for (int k = 0; k < 2 && next.region(end, sentence.length()).lookingAt(); k++) {
                    String w = next.group(1);
                    if (NOT_NOUNS.contains(w.toLowerCase(Locale.ROOT))) {
                        break;
                    }
                    noun = noun + " " + w.toLowerCase(Locale.ROOT);
                    end = next.end();
                    if (!modifier(w)) {
                        break;
                    }
                }
            }
            String measure = measure(sentence, m.start(), end, noun);
            if (measure == null) {
                continue;
            }
            String qualifier = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
            out.add(new Found(m.start(), end, new QuantityRec(amount, qualifier, measure,
                    sentence.substring(m.start(), end))));
        }
        return out;
    }

    private static boolean insideTime(List<TimeNormalizer.Found> times, int start, int end) {
        for (TimeNormalizer.Found t : times) {
            if (start < t.end() && end > t.start()) {
                return true;
            }
        }
        return false;
    }

    static long amount(String num, String scale) {
        String n = num.toLowerCase(Locale.ROOT);
        long v;
        if (WORDS.containsKey(n)) {
            v = WORDS.get(n);
        } else {
            String digits = n.replaceAll("[,\\u00a0 ]", "");
            try {
                v = digits.contains(".") ? (long) Double.parseDouble(digits) : Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        if (scale != null) {
            v *= scale.equalsIgnoreCase("thousand") ? 1_000 : 1_000_000;
        }
        return v;
    }

    /**
     * What a number counts: killed, injured or evacuated when a word of that kind stands close by and the number
     * counts people; otherwise the noun after it (drones, explosions, times).
     */
    private static String measure(String s, int start, int end, String noun) {
        int from = Math.max(0, start - 40);
        int to = Math.min(s.length(), end + 45);
        String after = s.substring(end, to);
        String before = s.substring(from, start);
        String around = before + " " + after;
        boolean people = noun.isEmpty() || PEOPLE.matcher(noun).find() || KILLED.matcher(noun).find()
                || INJURED.matcher(noun).find();
        if (people) {
            // The nearest kind word after the number wins: "10 killed and 22 injured".
            String next = firstKind(noun + after);
            if (next == null) {
                next = lastKind(before);
            }
            if (next != null) {
                return next;
            }
            if (EVACUATED.matcher(around).find()) {
                return "evacuated";
            }
        }
        if (noun.isEmpty()) {
            return null;
        }
        String[] words = noun.split("\\s+");
        return words[words.length - 1];
    }

    private static String firstKind(String s) {
        int best = Integer.MAX_VALUE;
        String kind = null;
        for (var e : Map.of("killed", KILLED, "injured", INJURED, "evacuated", EVACUATED).entrySet()) {
            Matcher m = e.getValue().matcher(s);
            if (m.find() && m.start() < best && !s.substring(0, m.start()).matches("(?s).*\\d.*")) {
                best = m.start();
                kind = e.getKey();
            }
        }
        return kind;
    }

    private static String lastKind(String s) {
        int best = -1;
        String kind = null;
        for (var e : Map.of("killed", KILLED, "injured", INJURED, "evacuated", EVACUATED).entrySet()) {
            Matcher m = e.getValue().matcher(s);
            while (m.find()) {
                if (m.start() > best) {
                    best = m.start();
                    kind = e.getKey();
                }
            }
        }
        return best >= 0 && s.substring(best).length() < 25 ? kind : null;
    }
}
