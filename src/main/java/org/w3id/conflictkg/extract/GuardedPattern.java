package org.w3id.conflictkg.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regex with the words one of which every match must contain, read off the regex itself: a sentence whose lower
 * case contains none of them is not searched. The extractor runs dozens of case-insensitive alternations over each
 * sentence, and most sentences hold none of their words; a few {@code indexOf} calls are far cheaper than the regex
 * engine trying every alternative at every position.
 *
 * <p>The words are found conservatively: a literal run, a group all of whose alternatives hold such a run, taken only
 * where the regex cannot skip it (no {@code ?}, {@code *} or {@code {0,}} after it, not inside a lookaround). When
 * the regex has no such part, every text is searched, so a guarded pattern finds exactly what the plain one does.
 */
final class GuardedPattern {
    private final Pattern pattern;
    /** Lower-case words, one of which every match contains; null when none is known. */
    private final String[] words;

    private GuardedPattern(Pattern pattern, Set<String> words) {
        this.pattern = pattern;
        this.words = words == null ? null : words.toArray(String[]::new);
    }

    static GuardedPattern compile(String regex) {
        return compile(regex, 0);
    }

    static GuardedPattern compile(String regex, int flags) {
        Pattern p = Pattern.compile(regex, flags);
        // Whitespace that means nothing, a literal pattern, or Unicode case folding ("ſ" matching "s") would each
        // make the words read off wrong: such patterns are searched on every text. The same flags set inside the
        // regex, "(?x)" or "(?u:...)", are caught by the reader.
        if ((flags & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS
                | Pattern.CANON_EQ)) != 0) {
            return new GuardedPattern(p, null);
        }
        Reader reader = new Reader(regex);
        Set<String> words = reader.alternation(0, regex.length());
        return new GuardedPattern(p, reader.unsafeFlags ? null : words);
    }

    Pattern pattern() {
        return pattern;
    }

    /** The required words, lower case, or null when the regex has none that can be read off safely. */
    Set<String> words() {
        return words == null ? null : Set.of(words);
    }

    /** The lower case the guard compares against, computed once per text by the caller. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** False only when no match is possible in the text whose {@link #lower} is given. */
    boolean admits(String lower) {
        if (words == null) {
            return true;
        }
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A matcher over {@code text}, or over the empty text (which no guarded regex can match) when the guard rules a
     * match out; either way its {@code find} gives what {@code pattern().matcher(text)} would.
     */
    Matcher matcher(String text, String lower) {
        return pattern.matcher(admits(lower) ? text : "");
    }

    /** A small reader of Java regex syntax, just enough to find literal runs that every match must contain. */
    private static final class Reader {
        private final String re;
        /** Set on reading an inline flag that changes what a literal matches: x, u or U. */
        boolean unsafeFlags;

        Reader(String re) {
            this.re = re;
        }

        /** Words for {@code re[from, to)}, an alternation: the union over its branches, null if any branch has none. */
        Set<String> alternation(int from, int to) {
            Set<String> all = new LinkedHashSet<>();
            int start = from;
            int p = from;
            while (p <= to) {
                if (p == to || re.charAt(p) == '|') {
                    Set<String> branch = sequence(start, p);
                    if (branch == null) {
                        return null;
                    }
                    all.addAll(branch);
                    start = p + 1;
                    p++;
                } else {
                    p = skipElement(p);
                }
            }
            return all;
        }

        /** Words for a branch: of its required parts that have words, the one whose shortest word is longest. */
        private Set<String> sequence(int from, int to) {
            List<Set<String>> candidates = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            int p = from;
            while (p < to) {
                char c = re.charAt(p);
                if (c == '(') {
                    flush(run, candidates);
                    int close = skipElement(p) - 1;
                    int q = close + 1;
                    boolean optional = optionalAt(q);
                    int next = afterQuantifier(q);
                    int content = contentStart(p);
                    if (content >= 0 && !optional) {
                        Set<String> inner = alternation(content, close);
                        if (inner != null && !inner.isEmpty()) {
                            candidates.add(inner);
                        }
                    }
                    p = next;
                } else if (c == '[' || c == '.' || c == '^' || c == '$') {
                    flush(run, candidates);
                    p = afterQuantifier(skipElement(p));
                } else if (c == '\\') {
                    int end = skipElement(p);
                    char e = re.charAt(p + 1);
                    boolean literal = end == p + 2 && !Character.isLetterOrDigit(e);
                    if (literal) {
                        p = literalChar(e, end, run, candidates);
                    } else {
                        flush(run, candidates);
                        p = afterQuantifier(end);
                    }
                } else {
                    p = literalChar(c, p + 1, run, candidates);
                }
            }
            flush(run, candidates);
            Set<String> best = null;
            for (Set<String> c : candidates) {
                if (best == null || shortest(c) > shortest(best)
                        || shortest(c) == shortest(best) && c.size() < best.size()) {
                    best = c;
                }
            }
            return best;
        }

        /** A literal character at the position before {@code q}: kept in the run, or ending it if quantified. */
        private int literalChar(char c, int q, StringBuilder run, List<Set<String>> candidates) {
            if (q < re.length() && isQuantifier(q)) {
                if (!optionalAt(q)) {
                    run.append(c); // "ab+": "ab" is there, what follows may be another b
                }
                flush(run, candidates);
                return afterQuantifier(q);
            }
            run.append(c);
            return q;
        }

        private static void flush(StringBuilder run, List<Set<String>> candidates) {
            if (run.length() > 0) {
                candidates.add(Set.of(run.toString().toLowerCase(Locale.ROOT)));
                run.setLength(0);
            }
        }

        private static int shortest(Set<String> words) {
            int min = Integer.MAX_VALUE;
            for (String w : words) {
                min = Math.min(min, w.length());
            }
            return min;
        }

        /** Where a group's alternation starts, or -1 for lookarounds and flag settings, which match no text. */
        private int contentStart(int open) {
            if (open + 1 >= re.length() || re.charAt(open + 1) != '?') {
                return open + 1;
            }
            char k = re.charAt(open + 2);
            if (k == ':' || k == '>') {
                return open + 3;
            }
            if (k == '=' || k == '!') {
                return -1;
            }
            if (k == '<') {
                char k2 = re.charAt(open + 3);
                if (k2 == '=' || k2 == '!') {
                    return -1;
                }
                return re.indexOf('>', open) + 1; // a named group
            }
            int p = open + 2;
            while (p < re.length() && (Character.isLetter(re.charAt(p)) || re.charAt(p) == '-')) {
                char f = re.charAt(p);
                unsafeFlags |= f == 'x' || f == 'u' || f == 'U';
                p++;
            }
            return p < re.length() && re.charAt(p) == ':' ? p + 1 : -1; // (?i:...) or a bare (?i)
        }

        private boolean isQuantifier(int q) {
            char c = re.charAt(q);
            return c == '?' || c == '*' || c == '+' || c == '{' && re.indexOf('}', q) > q
                    && re.substring(q + 1, re.indexOf('}', q)).matches("\\d+(,\\d*)?");
        }

        /** True when a quantifier at {@code q} lets the element before it match nothing. */
        private boolean optionalAt(int q) {
            if (q >= re.length() || !isQuantifier(q)) {
                return false;
            }
            char c = re.charAt(q);
            if (c == '{') {
                String body = re.substring(q + 1, re.indexOf('}', q));
                return Integer.parseInt(body.split(",")[0]) == 0;
            }
            return c == '?' || c == '*';
        }

        private int afterQuantifier(int q) {
            if (q >= re.length() || !isQuantifier(q)) {
                return q;
            }
            int p = re.charAt(q) == '{' ? re.indexOf('}', q) + 1 : q + 1;
            if (p < re.length() && (re.charAt(p) == '?' || re.charAt(p) == '+')) {
                p++; // lazy or possessive
            }
            return p;
        }

        /** The position after the element at {@code p}: an escape, a character class, a group or one character. */
        private int skipElement(int p) {
            char c = re.charAt(p);
            if (c == '\\') {
                char e = re.charAt(p + 1);
                if (e == 'Q') {
                    int end = re.indexOf("\\E", p + 2);
                    return end < 0 ? re.length() : end + 2;
                }
                if ((e == 'p' || e == 'P') && p + 2 < re.length() && re.charAt(p + 2) == '{') {
                    return re.indexOf('}', p) + 1;
                }
                if (e == 'x' && p + 2 < re.length() && re.charAt(p + 2) == '{') {
                    return re.indexOf('}', p) + 1;
                }
                if (e == 'k' || e == 'N') {
                    return re.indexOf(e == 'k' ? '>' : '}', p) + 1;
                }
                if (e == 'c') {
                    return p + 3;
                }
                if (e == '0') {
                    int q = p + 2;
                    while (q < re.length() && q < p + 5 && re.charAt(q) >= '0' && re.charAt(q) <= '7') {
                        q++;
                    }
                    return q;
                }
                if (e == 'u') {
                    return p + 6;
                }
                if (e == 'x') {
                    return p + 4;
                }
                return p + 2;
            }
            if (c == '[') {
                int q = p + 1;
                if (q < re.length() && re.charAt(q) == '^') {
                    q++;
                }
                if (q < re.length() && re.charAt(q) == ']') {
                    q++;
                }
                while (q < re.length() && re.charAt(q) != ']') {
                    q = re.charAt(q) == '[' ? skipElement(q) : re.charAt(q) == '\\' ? q + 2 : q + 1;
                }
                return q + 1;
            }
            if (c == '(') {
                int q = p + 1;
                while (q < re.length() && re.charAt(q) != ')') {
                    q = skipElement(q);
                }
                return q + 1;
            }
            return p + 1;
        }
    }
}
