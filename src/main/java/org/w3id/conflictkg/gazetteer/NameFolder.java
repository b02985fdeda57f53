package org.w3id.conflictkg.gazetteer;

import java.text.Normalizer;

/**
 * Folds a place name to a transliteration-tolerant skeleton, so that spellings of one name from different
 * romanisation systems (Kupiansk, Kupyansk, Kupjansk, Kup'iansk, Kup’yans’k) compare equal.
 *
 * <p>Latin text is lower-cased and stripped of diacritics, apostrophes, hyphens and spaces; then the digraphs
 * kh, zh, ch, sh, shch, ts, cz, sz become single letters, g becomes h, y and j become i, w becomes v, ie becomes
 * e and doubled letters collapse. Vowels are otherwise kept, so Russian-based and Ukrainian-based forms that
 * differ in a vowel (Kharkov, Kharkiv) stay apart: such pairs are listed as alternative labels instead. Cyrillic
 * is only lower-cased, stripped of apostrophes and separators, with ё read as е and stress marks dropped.
 */
public final class NameFolder {
    private NameFolder() {
    }

    /** The skeleton of a name; the empty string for a name with no letters or digits. */
    public static String fold(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String s = isAscii(name) ? lowerAsciiLettersAndDigits(name) : lettersAndDigits(name);
        int n = s.length();
        char[] out = new char[n];
        int len = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            char mapped;
            if (c == 's' && next == 'h' && s.startsWith("shch", i)) {
                len = append(out, len, 's');
                mapped = 'c';
                i += 4;
            } else if (next == 'h' && (c == 'k' || c == 'z' || c == 'c' || c == 's')) {
                mapped = c == 'k' ? 'h' : c;
                i += 2;
            } else if (c == 't' && next == 's' || c == 'c' && next == 'z') {
                mapped = 'c';
                i += 2;
            } else if (c == 's' && next == 'z') {
                mapped = 's';
                i += 2;
            } else {
                mapped = mapLatin(c);
                i++;
            }
            len = append(out, len, mapped);
        }
        return new String(out, 0, len);
    }

    /**
     * Appends a letter, dropping the i of "ie" (Sievierodonetsk, Severodonetsk) and collapsing a doubled letter
     * (Zaporizhzhia, Zaporizhia); returns the new length.
     */
    private static int append(char[] out, int len, char c) {
        if (len > 0 && c == 'e' && out[len - 1] == 'i') {
            out[len - 1] = 'e';
            return len > 1 && out[len - 2] == 'e' ? len - 1 : len;
        }
        if (len > 0 && out[len - 1] == c) {
            return len;
        }
        out[len] = c;
        return len + 1;
    }

    private static String lowerAsciiLettersAndDigits(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                b.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                b.append((char) (c + ('a' - 'A')));
            }
        }
        return b.toString();
    }

    private static String lettersAndDigits(String name) {
        if (!hasAccents(name)) {
            // Plain Cyrillic (and other scripts without accents) needs no Unicode normalisation.
            StringBuilder b = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    char lower = Character.toLowerCase(c);
                    b.append(lower == 'ё' ? 'е' : lower);
                }
            }
            return b.toString();
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                // Keep the Cyrillic breve and diaeresis (й, ї) that tell letters apart; drop Latin accents and stress.
                if ((c == '\u0306' || c == '\u0308') && i > 0 && isCyrillic(decomposed.charAt(i - 1))) {
                    base.append(c);
                }
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                base.append(Character.toLowerCase(c));
            }
        }
        return Normalizer.normalize(base, Normalizer.Form.NFC).replace('ё', 'е');
    }

    /** Whether a name has Latin letters with accents or combining marks (stress marks, diacritics). */
    private static boolean hasAccents(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xC0 && c <= 0x24F || c >= 0x300 && c <= 0x36F || c >= 0x1E00 && c <= 0x1EFF) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether a name is written in Latin letters (ignoring digits, spaces and punctuation). */
    static boolean isLatin(String name) {
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetter(c)) {
                if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                    return false;
                }
                letter = true;
            }
        }
        return letter;
    }

    /** Whether a name is written in Cyrillic letters (ignoring digits, spaces and punctuation). */
    static boolean isCyrillicName(String name) {
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetter(c)) {
                if (!isCyrillic(c)) {
                    return false;
                }
                letter = true;
            }
        }
        return letter;
    }

    static boolean isCyrillic(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC;
    }

    private static char mapLatin(char c) {
        switch (c) {
            case 'y':
            case 'j':
                return 'i';
            case 'g':
                return 'h';
            case 'w':
                return 'v';
            case 'ł':
                return 'l';
            case 'ø':
                return 'o';
            case 'ı':
                return 'i';
            default:
                return c;
        }
    }
}
