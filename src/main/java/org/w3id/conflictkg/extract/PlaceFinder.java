package org.w3id.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.gazetteer.Place;
import org.w3id.conflictkg.gazetteer.PlaceType;
import org.w3id.conflictkg.nlp.Sentence;

/**
 * Finds place names in a sentence by gazetteer lookup over runs of capitalised tokens, longest first, with the
 * generic word that follows ("Kharkiv region", "Kupiansk district", "Oskil River"); a capitalised name with a generic
 * word the gazetteer lacks ("Esman community", "the village of Tabaivka") becomes a place of that kind.
 */
final class PlaceFinder {
    private static final Map<String, PlaceType> GENERIC = Map.ofEntries(
            Map.entry("region", PlaceType.OBLAST), Map.entry("oblast", PlaceType.OBLAST),
            Map.entry("province", PlaceType.OBLAST), Map.entry("regional", PlaceType.OBLAST),
            Map.entry("krai", PlaceType.OBLAST), Map.entry("republic", PlaceType.OBLAST),
            Map.entry("district", PlaceType.RAION), Map.entry("raion", PlaceType.RAION),
            Map.entry("community", PlaceType.HROMADA), Map.entry("hromada", PlaceType.HROMADA),
            Map.entry("communities", PlaceType.HROMADA),
            Map.entry("river", PlaceType.RIVER), Map.entry("village", PlaceType.SETTLEMENT),
            Map.entry("town", PlaceType.SETTLEMENT), Map.entry("city", PlaceType.SETTLEMENT),
            Map.entry("settlement", PlaceType.SETTLEMENT));
    /** Generic words that may follow a name the gazetteer does not know and still make it a place. */
    private static final Set<String> MINTING = Set.of("region", "oblast", "province", "krai", "district", "raion",
            "community", "hromada", "river", "village");
    private static final Set<String> NOT_PLACE_WORDS = Set.of("russian", "ukrainian", "the", "a", "an", "this",
            "that", "northern", "southern", "eastern", "western", "central", "border", "frontline", "front-line",
            "occupied", "neighbouring", "neighboring", "entire", "whole", "same", "its", "their", "his", "her",
            "our", "in", "on", "at", "of", "and", "said", "military", "regional", "state", "national", "key",
            "industrial", "southeastern", "northeastern", "southwestern", "northwestern", "when", "where",
            "as", "while", "after", "before", "since", "during", "it", "he", "she", "they", "we", "there");

    /** "the village of Tabaivka": a generic word before "of" that makes the name after it a settlement. */
    private static final Set<String> SETTLEMENT_WORDS = Set.of("village", "town", "settlement", "city");

    /** "Central district", "Northern district": city districts are often named so. */
    private static final Set<String> DIRECTIONS = Set.of("central", "northern", "southern", "eastern", "western");

    private final Gazetteer gazetteer;

    PlaceFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    private static final Map<String, String> PLURALS = Map.of("districts", "district", "regions", "region",
            "communities", "community", "oblasts", "oblast", "raions", "raion", "hromadas", "hromada",
            "villages", "village", "rivers", "river");

    /**
     * Place mentions in a sentence; spans in {@code blocked} (people's names) are skipped. Without {@code mint}
     * (a title-case headline, where every word is capitalised) only gazetteer names count.
     */
    List<PlaceMention> find(Sentence s, boolean[] blocked, boolean[] inName, boolean mint) {
        List<PlaceMention> out = new ArrayList<>();
        int n = s.size();
        boolean[] used = new boolean[n];
        distributePlurals(s, blocked, inName, out, used);
        if (mint) {
            distributeVillagesOf(s, blocked, inName, out, used);
        }
        int maxLen = Math.max(1, Math.min(6, gazetteer.maxNameTokens()));
        int i = 0;
        while (i < n) {
            if (!capitalised(s.token(i)) || isBlocked(s, blocked, i) || used[i]) {
                i++;
                continue;
            }
            PlaceMention found = null;
            for (int len = Math.min(maxLen, n - i); len >= 1 && found == null; len--) {
                int j = i + len;
                if (!nameRun(s, i, j) || anyUsed(used, i, j + (j < n ? 1 : 0))) {
                    continue;
                }
                String name = s.cover(i, j);
                String nextWord = j < n ? s.token(j).toLowerCase(Locale.ROOT) : "";
                PlaceType generic = GENERIC.get(nextWord);
                if (generic != null) {
                    List<Place> c = gazetteer.lookup(name + " " + s.token(j));
                    if (!c.isEmpty()) {
                        found = mention(s, i, j + 1, c, generic, inName);
                        break;
                    }
                }
                String lastWord = s.token(j - 1).toLowerCase(Locale.ROOT);
                List<Place> c = gazetteer.lookup(name);
                if (!c.isEmpty() && !(len == 1 && Gazetteer.isCommonWord(name))) {
                    if (generic != null && MINTING.contains(nextWord) && generic != PlaceType.RIVER) {
                        // "Khotin community": the generic word stays part of the name, and says what kind it is.
                        found = mention(s, i, j + 1, c, generic, inName);
                    } else {
                        found = mention(s, i, j, c, GENERIC.get(lastWord), inName);
                    }
                    break;
                }
                if (mint && generic != null && MINTING.contains(nextWord) && len <= 3
                        && (mintable(s, i, j) || nextWord.equals("district") && len == 1
                        && DIRECTIONS.contains(s.token(i).toLowerCase(Locale.ROOT)))) {
                    PlaceType type = generic;
                    if (type == PlaceType.RAION && gazetteer.lookup(name).isEmpty()) {
                        // A raion is named after its centre; a district whose name is no town is a city's.
                        type = PlaceType.CITYDISTRICT;
                    }
                    found = mention(s, i, j + 1, List.of(), type, inName);
                    break;
                }
                // Cheap word checks first: mintable may tag the whole sentence.
                if (mint && len <= 2 && i >= 2
                        && s.token(i - 1).equalsIgnoreCase("of")
                        && SETTLEMENT_WORDS.contains(s.token(i - 2).toLowerCase(Locale.ROOT))
                        && mintable(s, i, j)) {
                    found = mention(s, i, j, List.of(), PlaceType.SETTLEMENT, inName);
                    break;
                }
            }
            if (found == null) {
                i++;
                continue;
            }
            found = preferOfForm(s, i, found, inName);
            out.add(found);
            i = tokenAt(s, found.end());
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** "the villages of Novoselivka and Bahatyr": each name a settlement. */
    private void distributeVillagesOf(Sentence s, boolean[] blocked, boolean[] inName, List<PlaceMention> out,
                                      boolean[] used) {
        for (int g = 0; g + 2 < s.size(); g++) {
            String w = s.token(g).toLowerCase(Locale.ROOT);
            if (!(w.equals("villages") || w.equals("settlements") || w.equals("towns"))
                    || !s.token(g + 1).equalsIgnoreCase("of")) {
                continue;
            }
            int k = g + 2;
            while (k < s.size()) {
                int start = k;
                while (k < s.size() && (capitalised(s.token(k)) || (k > start && hyphenPart(s.token(k))))
                        && !isBlocked(s, blocked, k)) {
                    k++;
                }
                if (k == start) {
                    break;
                }
                String name = s.cover(start, k);
                if (k < s.size() && (GENERIC.containsKey(s.token(k).toLowerCase(Locale.ROOT))
                        || PLURALS.containsKey(s.token(k).toLowerCase(Locale.ROOT)))) {
                    // "settlements of Kupyansk district": the name belongs to the district, not to a village.
                    break;
                }
                List<Place> c = new ArrayList<>();
                for (Place p : gazetteer.lookup(name)) {
                    if (p.type() == PlaceType.SETTLEMENT) {
                        c.add(p);
                    }
                }
                if (!c.isEmpty() || mintable(s, start, k)) {
                    int st = s.tokenStarts()[start] - s.start();
                    int en = s.tokenEnds()[k - 1] - s.start();
                    out.add(new PlaceMention(st, en, name, c, PlaceType.SETTLEMENT, false));
                    for (int t = start; t < k; t++) {
                        used[t] = true;
                    }
                }
                if (k < s.size() && (s.token(k).equals(",") || s.token(k).equalsIgnoreCase("and"))) {
                    k++;
                    if (k < s.size() && s.token(k).equalsIgnoreCase("and")) {
                        k++;
                    }
                } else {
                    break;
                }
            }
        }
    }

    /** "Bohodukhiv, Chuhuiv and Izium districts": each name with the singular generic word. */
    private void distributePlurals(Sentence s, boolean[] blocked, boolean[] inName, List<PlaceMention> out,
                                   boolean[] used) {
        for (int g = 1; g < s.size(); g++) {
            String singular = PLURALS.get(s.token(g).toLowerCase(Locale.ROOT));
            if (singular == null || !(capitalised(s.token(g - 1)) || hyphenPart(s.token(g - 1)))) {
                continue;
            }
            List<int[]> names = new ArrayList<>();
            int end = g;
            int k = g - 1;
            while (k >= 0) {
                int start = k;
                while (start - 1 >= 0 && (capitalised(s.token(start - 1)) || s.token(start - 1).equals("-")
                        || hyphenPart(s.token(start - 1)) || hyphenPart(s.token(start)))
                        && !isBlocked(s, blocked, start - 1)
                        && !NOT_PLACE_WORDS.contains(s.token(start - 1).toLowerCase(Locale.ROOT))) {
                    start--;
                }
                if (!capitalised(s.token(start)) || isBlocked(s, blocked, start)) {
                    break;
                }
                names.add(new int[] {start, end});
                k = start - 1;
                if (k < 0 || !(s.token(k).equals(",") || s.token(k).equalsIgnoreCase("and"))) {
                    break;
                }
                end = k;
                k--;
                if (k >= 0 && s.token(k).equals(",") && s.token(end).equalsIgnoreCase("and")) {
                    end = k;
                    k--;
                }
            }
            if (names.size() < 2) {
                continue;
            }
            PlaceType type = GENERIC.get(singular);
            for (int[] nm : names) {
                String name = s.cover(nm[0], nm[1]);
                List<Place> c = gazetteer.lookup(name + " " + singular);
                List<Place> typed = new ArrayList<>();
                for (Place p : c) {
                    if (p.type() == type) {
                        typed.add(p);
                    }
                }
                if (typed.isEmpty()) {
                    // A community named after its centre: the settlement, as for "Khotin community" said alone.
                    typed.addAll(gazetteer.lookup(name));
                }
                if (typed.isEmpty() && !mintable(s, nm[0], nm[1])) {
                    continue;
                }
                int start = s.tokenStarts()[nm[0]] - s.start();
                int stop = s.tokenEnds()[nm[1] - 1] - s.start();
                String surface = typed.isEmpty() || type != typed.get(0).type() ? name + " " + singular : name;
                out.add(new PlaceMention(start, stop, surface, typed, type, false));
                for (int t = nm[0]; t < nm[1]; t++) {
                    used[t] = true;
                }
            }
        }
    }

    /** "the region of Belgorod", "the city of Belgorod": the generic word before "of" says which Belgorod. */
    private PlaceMention preferOfForm(Sentence s, int i, PlaceMention found, boolean[] inName) {
        if (i < 2 || !s.token(i - 1).equalsIgnoreCase("of")) {
            return found;
        }
        PlaceType t = GENERIC.get(s.token(i - 2).toLowerCase(Locale.ROOT));
        if (t == null) {
            return found;
        }
        List<Place> typed = new ArrayList<>();
        for (Place p : gazetteer.lookup(s.token(i - 2) + " of " + found.surface())) {
            if (p.type() == t) {
                typed.add(p);
            }
        }
        for (Place p : found.candidates()) {
            if (p.type() == t && !typed.contains(p)) {
                typed.add(p);
            }
        }
        if (typed.isEmpty()) {
            return new PlaceMention(found.start(), found.end(), found.surface(), found.candidates(), t, found.inName());
        }
        return new PlaceMention(found.start(), found.end(), found.surface(), typed, t, found.inName());
    }

    private static PlaceMention mention(Sentence s, int i, int j, List<Place> c, PlaceType hint, boolean[] inName) {
        int start = s.tokenStarts()[i] - s.start();
        int end = s.tokenEnds()[j - 1] - s.start();
        boolean named = false;
        for (int k = i; k < j; k++) {
            named |= inName != null && inName[k];
        }
        return new PlaceMention(start, end, s.cover(i, j), c, hint, named);
    }

    private static int tokenAt(Sentence s, int endInSentence) {
        for (int k = 0; k < s.size(); k++) {
            if (s.tokenStarts()[k] - s.start() >= endInSentence) {
                return k;
            }
        }
        return s.size();
    }

    private static boolean isBlocked(Sentence s, boolean[] blocked, int i) {
        return blocked != null && blocked[i];
    }

    private static boolean capitalised(String t) {
        return !t.isEmpty() && Character.isUpperCase(t.charAt(0)) && Character.isLetter(t.charAt(0));
    }

    private static boolean anyUsed(boolean[] used, int from, int to) {
        for (int k = from; k < to && k < used.length; k++) {
            if (used[k]) {
                return true;
            }
        }
        return false;
    }

    /** The tokenizer sometimes splits "Seredyno-Budska" as "Seredyno" + "-Budska". */
    private static boolean hyphenPart(String t) {
        return t.length() > 1 && t.charAt(0) == '-' && Character.isUpperCase(t.charAt(1));
    }

    /** Tokens i..j-1 can form a name: capitalised words, hyphens and apostrophes joined to them. */
    private static boolean nameRun(Sentence s, int i, int j) {
        for (int k = i; k < j; k++) {
            String t = s.token(k);
            if (t.equals("-") || t.equals("'") || t.equals("’")) {
                if (k == i || k == j - 1) {
                    return false;
                }
                continue;
            }
            if (!capitalised(t) && !(k > i && hyphenPart(t))) {
                return false;
            }
        }
        return true;
    }

    /** A name may be minted as a new place only if it is no ordinary or side word ("Russian region"). */
    private static boolean mintable(Sentence s, int i, int j) {
        for (int k = i; k < j; k++) {
            String t = s.token(k).toLowerCase(Locale.ROOT);
            if (NOT_PLACE_WORDS.contains(t) || Gazetteer.isCommonWord(t) || t.length() < 3 && !t.equals("-")
                    && !t.startsWith("-")) {
                return false;
            }
        }
        String tag = s.tag(i);
        return tag.equals("PROPN") || tag.equals("NOUN") || tag.equals("ADJ") || tag.equals("X");
    }
}
