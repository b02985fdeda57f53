package org.w3id.conflictkg.gazetteer;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Chooses the English label of a place from its GeoNames names: Ukrainian places get the Ukrainian-based form of
 * the national romanisation of 2010 (KMU resolution 55, the one English news follows: Kupiansk, Zaporizhzhia),
 * Russian places the plain form of the Russian name that English news writes (Ryazan, Oryol, Grozny).
 */
final class Romanizer {
    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"),
            Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ie"),
            Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "y"), Map.entry('і', "i"),
            Map.entry('ї', "i"), Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"),
            Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"),
            Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ь', ""), Map.entry('ю', "iu"),
            Map.entry('я', "ia"));
    /** At the start of a word these letters are written with y. */
    private static final Map<Character, String> INITIAL = Map.of(
            'є', "ye", 'ї', "yi", 'й', "y", 'ю', "yu", 'я', "ya");
    /** Traits of Russian-based romanisations (BGN/PCGN): Zernovoye, Novaya, Krasnyy, Ternovka, Zelyonoye. */
    private static final Pattern RUSSIAN_BASED = Pattern.compile(
            "(?i).*((ye|aya|yy|iy|yevo|ovka|evka)\\b|yo|ë).*");
    /** Endings both languages use (Zimino, Mukachevo): only a variant with a Ukrainian letter may replace these. */
    private static final Pattern MAYBE_RUSSIAN_BASED = Pattern.compile("(?i).*(ino|ovo|evo)\\b.*");
    private static final Pattern UKRAINIAN_LETTER = Pattern.compile(".*[іїєґІЇЄҐ].*");
    /** The adjective ending -ий, Ukrainian as well as Russian: enough to respell Veselyy Kut as Veselyi Kut. */
    private static final Pattern ADJECTIVE_YI = Pattern.compile("(?u).*ий(\\s|-|$).*");
    /** Russian letters, Russian adjective endings, abbreviations. */
    private static final Pattern NOT_UKRAINIAN = Pattern.compile(
            "(?iu).*([ыэёъ.]|(ое|ая|ые|ый|ой|ее|ие|ье)(\\s|-|$)).*");
    /** Belarusian spellings: ў, or і together with дз (Барадзіно). */
    private static final Pattern BELARUSIAN = Pattern.compile("(?u).*[ўЎ].*|(?=.*[іІ])(?=.*дз).*");

    private Romanizer() {
    }

    /** The KMU 2010 romanisation of a Ukrainian Cyrillic name; other characters pass through. */
    static String romanizeUkrainian(String cyrillic) {
        StringBuilder out = new StringBuilder(cyrillic.length() + 8);
        boolean wordStart = true;
        for (int i = 0; i < cyrillic.length(); i++) {
            char c = cyrillic.charAt(i);
            if (c == '\'' || c == '’' || c == 'ʼ' || c == '\u0301') {
                continue;
            }
            char lower = Character.toLowerCase(c);
            String latin = wordStart ? INITIAL.getOrDefault(lower, LETTERS.get(lower)) : LETTERS.get(lower);
            if (latin == null) {
                out.append(c);
                wordStart = !Character.isLetter(c);
                continue;
            }
            if (lower == 'г' && i > 0 && Character.toLowerCase(cyrillic.charAt(i - 1)) == 'з') {
                latin = "gh";
            }
            if (Character.isUpperCase(c) && !latin.isEmpty()) {
                latin = Character.toUpperCase(latin.charAt(0)) + latin.substring(1);
            }
            out.append(latin);
            wordStart = false;
        }
        return out.toString();
    }

    /**
     * The label of a Ukrainian place. For a Russian-based name, the romanised Ukrainian Cyrillic variant nearest
     * to it (Aleksandrovka to Oleksandrivka): one with a letter only Ukrainian has (і, ї, є, ґ), else one that
     * GeoNames also lists in Latin letters. For a name already Ukrainian, its KMU 2010 spelling when a Cyrillic
     * variant confirms it (Zaporizhzhya to Zaporizhzhia, Kryvyy Rih to Kryvyi Rih). Otherwise the GeoNames name
     * without apostrophes (Yampil’ to Yampil). A name GeoNames gives in Cyrillic is romanised.
     */
    static String ukrainianLabel(String name, List<String> cyrillicNames, List<String> latinNames) {
        if (NameFolder.isCyrillicName(name)) {
            return romanizeUkrainian(name);
        }
        String nameFold = NameFolder.fold(name);
        boolean sameNameInUkrainian = false;
        for (String cyr : cyrillicNames) {
            if (looksUkrainian(cyr) && UKRAINIAN_LETTER.matcher(cyr).matches()
                    && NameFolder.fold(romanizeUkrainian(cyr)).equals(nameFold)) {
                sameNameInUkrainian = true;
            }
        }
        boolean russianBased = RUSSIAN_BASED.matcher(name).matches();
        if (!sameNameInUkrainian && (russianBased || MAYBE_RUSSIAN_BASED.matcher(name).matches())) {
            String best = nearest(name, cyrillicNames, latinNames, russianBased);
            if (best != null) {
                return best;
            }
        }
        // Respell by the most Ukrainian variant: one with a Ukrainian letter, then one ending in -ий, then one
        // GeoNames lists in Latin letters too.
        String respelled = null;
        int respelledRank = 0;
        for (String cyr : cyrillicNames) {
            if (!looksUkrainian(cyr)) {
                continue;
            }
            String roman = romanizeUkrainian(cyr);
            if (roman.equals(name)) {
                return name;
            }
            if (!NameFolder.fold(roman).equals(nameFold) || !sameShape(roman, name)) {
                continue;
            }
            int rank = UKRAINIAN_LETTER.matcher(cyr).matches() ? 3
                    : ADJECTIVE_YI.matcher(cyr).matches() ? 2
                    : !russianBased && latinNames.stream().anyMatch(roman::equalsIgnoreCase) ? 1 : 0;
            if (rank > respelledRank) {
                respelled = roman;
                respelledRank = rank;
            }
        }
        // KMU 2010 writes neither the soft sign nor the apostrophe: Yampil’ is Yampil, Kam'yanka Kamyanka.
        return respelled != null ? respelled : name.replaceAll("['’ʼʹ]", "");
    }

    /** The nearest romanised Ukrainian variant that differs from the name, or null when none is near enough. */
    private static String nearest(String name, List<String> cyrillicNames, List<String> latinNames,
                                  boolean allowUnmarked) {
        String nameFold = NameFolder.fold(name);
        int maxDistance = Math.max(3, nameFold.length() / 3);
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (String cyr : cyrillicNames) {
            if (!looksUkrainian(cyr)) {
                continue;
            }
            boolean strong = UKRAINIAN_LETTER.matcher(cyr).matches();
            String roman = romanizeUkrainian(cyr);
            String romanFold = NameFolder.fold(roman);
            if (romanFold.equals(nameFold) || !sameShape(roman, name) || !strong && !allowUnmarked) {
                continue;
            }
            if (!strong && latinNames.stream().noneMatch(l -> NameFolder.fold(l).equals(romanFold))) {
                continue;
            }
            int d = distance(romanFold, nameFold);
            // A variant with a Ukrainian letter beats an unmarked one at the same distance.
            int rank = 2 * d + (strong ? 0 : 1);
            if (d <= maxDistance && rank < bestRank) {
                best = roman;
                bestRank = rank;
            }
        }
        return best;
    }

    /** Whether two names have as many words (split at spaces and hyphens) and the romanisation is all Latin. */
    private static boolean sameShape(String roman, String name) {
        return NameFolder.isLatin(roman)
                && roman.split("[\\s-]+").length == name.split("[\\s-]+").length;
    }

    private static boolean looksUkrainian(String cyrillic) {
        return !BELARUSIAN.matcher(cyrillic).matches() && !NOT_UKRAINIAN.matcher(cyrillic).matches();
    }

    /**
     * The label of a Russian place: the GeoNames (BGN/PCGN) name without soft-sign apostrophes, with ë as yo and
     * the adjective endings -yy and -iy as -y (Ryazan’ to Ryazan, Orël to Oryol, Groznyy to Grozny).
     */
    static String russianLabel(String name) {
        String s = name.replaceAll("['’ʹ]", "")
                .replace("ë", "yo").replace("Ë", "Yo")
                .replaceAll("(?<=\\p{L}{2})(yy|iy)\\b", "y");
        return s.isBlank() ? name : s;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
