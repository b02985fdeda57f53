package org.w3id.conflictkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.report.SynthCorpus;

class GuardedPatternTest {
    private static Set<String> words(String regex) {
        Set<String> w = GuardedPattern.compile(regex, Pattern.CASE_INSENSITIVE).words();
        return w == null ? null : new TreeSet<>(w);
    }

    @Test
    void readsTheWordsEveryMatchMustContain() {
        assertEquals(Set.of("rocket"), words("rockets?"), "an optional last letter is not required");
        assertEquals(Set.of("ab"), words("ab+c"), "a repeated letter keeps the run before it");
        assertEquals(Set.of("early", "mid"), words("(?:in\\s+)?(early|mid)"), "an optional group is skipped");
        assertEquals(Set.of("days"), words("\\d+\\s+days"));
        assertEquals(Set.of("ly"), words("\\w+ly"));
        assertEquals(Set.of("bar"), words("(?!foo)bar"), "a lookahead matches no text");
        assertEquals(Set.of("roup"), words("[Gg]roup"));
        assertEquals(Set.of("kh-"), words("kh-\\d+"));
        assertEquals(Set.of("a.m"), words("a\\.m"), "an escaped dot is a literal dot");
        assertEquals(Set.of("general", "staff"), words("general\\s+staff|staff"), "union over the branches");
        assertEquals(Set.of("forces"), words("(?:armed|air)\\s+forces\\s+of"), "the longest required word");
    }

    @Test
    void guardsNothingWhenAMatchNeedNotHoldAWord() {
        assertNull(words("a|\\d+"), "one branch without a word");
        assertNull(words("(?:x)?y?"));
        assertNull(words("(?:x)?[a-z]{0,3}"));
        assertNull(words("(?:ab){0,2}"), "{0,n} may skip the group");
        assertNull(GuardedPattern.compile("a b", Pattern.COMMENTS).words(), "spaces mean nothing under COMMENTS");
        assertNull(GuardedPattern.compile("straße", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).words(),
                "Unicode case folding");
        assertNull(words("(?x)a b"), "inline COMMENTS flag");
        assertNull(words("abc(?u:def)"), "inline Unicode case, inside a group that is read");
        assertNull(GuardedPattern.compile("straße", Pattern.UNICODE_CHARACTER_CLASS).words(),
                "Unicode character classes imply Unicode case folding");
        assertEquals(Set.of("xab"), words("\\(?xab"), "an escaped parenthesis sets no flag");
    }

    @Test
    void aTextWithoutTheWordsIsNotSearched() {
        GuardedPattern p = GuardedPattern.compile("\\b(?:shell(?:ed|ing)?|artillery)\\b", Pattern.CASE_INSENSITIVE);
        String quiet = "The council met on Monday.";
        assertFalse(p.admits(GuardedPattern.lower(quiet)));
        assertFalse(p.matcher(quiet, GuardedPattern.lower(quiet)).find());
        String loud = "Russian ARTILLERY Shelled the town.";
        assertTrue(p.admits(GuardedPattern.lower(loud)));
        var m = p.matcher(loud, GuardedPattern.lower(loud));
        assertTrue(m.find());
        assertEquals("ARTILLERY", m.group());
    }

    /** Every guarded pattern the extractor's finders declare, by field or in their rule lists. */
    private static Map<String, GuardedPattern> extractorPatterns() throws ReflectiveOperationException {
        Map<String, GuardedPattern> out = new LinkedHashMap<>();
        for (Class<?> c : List.of(TimeNormalizer.class, EventClassifier.class, AgentFinder.class,
                PersonFinder.class)) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(null);
                if (v instanceof GuardedPattern g) {
                    out.put(c.getSimpleName() + "." + f.getName(), g);
                } else if (v instanceof List<?> rules) {
                    int k = 0;
                    for (Object r : rules) {
                        if (!r.getClass().isRecord()) {
                            continue;
                        }
                        for (RecordComponent rc : r.getClass().getRecordComponents()) {
                            rc.getAccessor().setAccessible(true);
                            if (rc.getAccessor().invoke(r) instanceof GuardedPattern g) {
                                out.put(c.getSimpleName() + "." + f.getName() + "[" + k + "]", g);
                            }
                        }
                        k++;
                    }
                }
            }
        }
        return out;
    }

    private static void assertSound(Map<String, GuardedPattern> patterns, String text) {
        String lower = GuardedPattern.lower(text);
        for (var e : patterns.entrySet()) {
            GuardedPattern g = e.getValue();
            if (g.pattern().matcher(text).find() && !g.admits(lower)) {
                fail(e.getKey() + " matches but its guard " + g.words() + " turned away: " + text);
            }
        }
    }

    @Test
    void theFindersGuardsNeverTurnAwayAMatch() throws Exception {
        Map<String, GuardedPattern> patterns = extractorPatterns();
        assertTrue(patterns.size() > 50, "the finders' patterns were found: " + patterns.size());
        long guarded = patterns.values().stream().filter(g -> g.words() != null).count();
        assertTrue(guarded > 50, "most patterns have a guard: " + guarded);

        // Sentences of the synthetic corpus (every template) and odd cases of our own.
        SynthCorpus corpus = new SynthCorpus(Gazetteer.loadBundled(), 7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            texts.addAll(List.of(corpus.text(i).split("(?<=[.!?”])\\s+")));
        }
        texts.addAll(List.of("SHELLING hit Kupiansk on MARCH 3, 2024.", "Kh-101 missiles, ATACMS and KABs.",
                "Governor Oleh Syniehubov: “No one was hurt.”", "the Sever (North) Battlegroup advanced",
                "He said so in the autumn of 2023, a few weeks ago.", "Ministry of Defence of Ukraine",
                "İstanbul talks: ſaid Straße", "2024-03-05", "at the very beginning of the full-scale invasion"));
        for (String t : texts) {
            assertSound(patterns, t);
        }

        // Random texts made of the guards' own words and their neighbours, in mixed case: near misses included.
        List<String> vocab = new ArrayList<>(List.of("the", "of", "in", "on", "3", "12", "2024", ",", ":", "-", "s",
                "ed", "ing", "Oleh", "Kupiansk", "Ukraine's", "’s", "’", "(", ")", "\"", "“", "”"));
        for (GuardedPattern g : patterns.values()) {
            if (g.words() != null) {
                vocab.addAll(g.words());
            }
        }
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + random.nextInt(8);
            for (int k = 0; k < len; k++) {
                String w = vocab.get(random.nextInt(vocab.size()));
                w = switch (random.nextInt(3)) {
                    case 0 -> w.toUpperCase(Locale.ROOT);
                    case 1 -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
                    default -> w;
                };
                b.append(w).append(random.nextInt(4) == 0 ? "" : " ");
            }
            assertSound(patterns, b.toString());
        }
    }
}
