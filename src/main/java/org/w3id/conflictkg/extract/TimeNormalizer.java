package org.w3id.conflictkg.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds time expressions in a sentence and normalises them against the report's date: absolute dates, weekdays,
 * "early September", "autumn of 2022", "in the last six months", "since Monday". Without a report date, only
 * expressions that carry their own year are resolved; relative ones stay unresolved rather than guessed.
 */
public final class TimeNormalizer {
    /** A time expression found in a sentence: character offsets within the sentence and its value. */
    public record Found(int start, int end, TimeValue value) {
    }

    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?"
            + "|dec\\.?)";
    private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String NUMBER = "(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|a few|several|a|the)";
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("a", 1), Map.entry("the", 1),
            Map.entry("a few", 3), Map.entry("several", 3));

    private interface Rule {
        TimeValue apply(Matcher m, LocalDate d);
    }

    private record Entry(GuardedPattern pattern, Rule rule) {
    }

    private static final List<Entry> RULES = new ArrayList<>();

    private static void rule(String regex, Rule r) {
        RULES.add(new Entry(GuardedPattern.compile("\\b" + regex + "\\b", Pattern.CASE_INSENSITIVE), r));
    }

    static {
        // Absolute dates first: they need no report date.
        rule(MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})",
            (m, d) -> day(year(m.group(3)), month(m.group(1)), m.group(2)));
        rule("(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})",
            (m, d) -> day(year(m.group(3)), month(m.group(2)), m.group(1)));
        rule("(\\d{4})-(\\d{2})-(\\d{2})", (m, d) -> day(year(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
        rule("(?:since|from)\\s+(?:the\\s+)?(?:start|beginning|outbreak)\\s+of\\s+(?:the\\s+)?(?:full-scale\\s+)?"
            + "(?:war|invasion)", (m, d) -> TimeValue.span("2022-02-24", null, null));
        rule("(?:at|in)\\s+the\\s+(?:very\\s+)?(?:start|beginning|outbreak|first\\s+days)\\s+of\\s+(?:the|a)\\s+"
            + "(?:full-scale\\s+)?(?:war|invasion)", (m, d) -> TimeValue.point("2022-02", null));
        rule("(?:in\\s+)?(early|mid|late|the\\s+(?:end|beginning|start|middle)\\s+of)[- ]?" + MONTH + "\\s+(\\d{4})",
            (m, d) -> TimeValue.point(ym(year(m.group(3)), month(m.group(2))), null));
        rule("(since|from)\\s+(?:(early|mid|late)[- ])?" + MONTH + "(?:\\s+(\\d{4}))?", (m, d) -> {
            int y = m.group(4) != null ? year(m.group(4)) : pastYear(d, month(m.group(3)));
            return y == 0 ? null : TimeValue.span(ym(y, month(m.group(3))), null, null);
        });
        rule("(spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?(\\d{4})", (m, d) -> season(m.group(1), year(m.group(2))));
        rule(MONTH + "\\s+(\\d{4})", (m, d) -> TimeValue.point(ym(year(m.group(2)), month(m.group(1))), null));
        // Relative to the report's date.
        rule("(?:on\\s+)?" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d,]*\\s*\\d{4})",
            (m, d) -> pastDay(d, month(m.group(1)), m.group(2)));
        rule("(?:on\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "(?!,?\\s+\\d{4})",
            (m, d) -> pastDay(d, month(m.group(2)), m.group(1)));
        rule("(?:in\\s+|during\\s+|by\\s+)?(?:(early|mid|late)[- ]|the\\s+(?:end|beginning|start|middle)\\s+of\\s+)?"
            + MONTH + "(?!\\s+\\d)", (m, d) -> {
                if (Character.isLowerCase(m.group(2).charAt(0))) {
                    return null; // "may", "march" in lower case are a verb or noun; news capitalises months
                }
                int mo = month(m.group(2));
                int y = pastYear(d, mo);
                return y == 0 ? null : TimeValue.point(ym(y, mo), null);
            });
        rule("since\\s+(?:last\\s+)?" + WEEKDAY, (m, d) -> d == null ? null
            : TimeValue.span(weekday(d, m.group(1), false).toString(), d.toString(), null));
        rule("(?:(?:late|early)\\s+)?(?:on\\s+)?(last\\s+)?" + WEEKDAY + "(?:\\s+(?:night|morning|evening|afternoon))?",
            (m, d) -> d == null ? null : TimeValue.point(weekday(d, m.group(2), m.group(1) != null).toString(), null));
        rule("(?:over|in|during|within)\\s+the\\s+(?:past|last)\\s+(?:day|24\\s+hours|twenty-four\\s+hours)",
            (m, d) -> d == null ? null : TimeValue.point(d.toString(), null));
        rule("(?:in|over|during|within)\\s+the\\s+(?:last|past|previous)\\s+" + NUMBER + "\\s+(day|week|month|year)s?",
            (m, d) -> d == null ? null : TimeValue.span(minus(d, amount(m.group(1)), m.group(2)).toString(),
                d.toString(), null));
        rule("(?:in|over|during|within)\\s+the\\s+(?:last|past|previous)\\s+(day|week|month|year)",
            (m, d) -> d == null ? null : TimeValue.span(minus(d, 1, m.group(1)).toString(), d.toString(), null));
        rule(NUMBER + "\\s+(day|week|month|year)s?\\s+ago", (m, d) -> {
            if (d == null) {
                return null;
            }
            LocalDate x = minus(d, amount(m.group(1)), m.group(2));
            return TimeValue.point(m.group(2).equalsIgnoreCase("day") ? x.toString()
                : m.group(2).equalsIgnoreCase("year") ? Integer.toString(x.getYear()) : x.toString().substring(0, 7),
                null);
        });
        rule("(?:(?:late|early)\\s+)?last\\s+week", (m, d) -> {
            if (d == null) {
                return null;
            }
            LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
            return TimeValue.span(monday.toString(), monday.plusDays(6).toString(), null);
        });
        rule("this\\s+week|earlier\\s+this\\s+week", (m, d) -> d == null ? null : TimeValue.span(
            d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(), d.toString(), null));
        rule("(?:(?:late|early)\\s+)?last\\s+month|(?:late|early|end of)\\s+(?:the\\s+)?previous\\s+month",
            (m, d) -> d == null ? null : TimeValue.point(YearMonth.from(d).minusMonths(1).toString(), null));
        rule("(?:earlier\\s+)?this\\s+month", (m, d) -> d == null ? null : TimeValue.point(YearMonth.from(d).toString(), null));
        rule("last\\s+year", (m, d) -> d == null ? null : TimeValue.point(Integer.toString(d.getYear() - 1), null));
        rule("(?:earlier\\s+)?this\\s+year", (m, d) -> d == null ? null : TimeValue.point(Integer.toString(d.getYear()), null));
        rule("yesterday|the\\s+day\\s+before|last\\s+night|yesterday\\s+evening", (m, d) -> d == null ? null
            : TimeValue.point(d.minusDays(1).toString(), null));
        rule("as\\s+of\\s+(?:now|today)|at\\s+the\\s+moment|right\\s+now|currently",
            (m, d) -> d == null ? null : TimeValue.point(d.toString(), null));
        rule("today|tonight|this\\s+(?:morning|afternoon|evening)|overnight|at\\s+night"
            + "|during\\s+the\\s+night|in\\s+the\\s+morning|earlier\\s+today",
            (m, d) -> d == null ? null : TimeValue.point(d.toString(), null));
        rule("(?:in|since|of|during|by)\\s+(\\d{4})", (m, d) -> plausibleYear(m.group(1))
            ? TimeValue.point(m.group(1), null) : null);
    }

    private TimeNormalizer() {
    }

    /** All time expressions in a sentence, left to right, without overlaps (an earlier rule wins a tie). */
    public static List<Found> find(String sentence, LocalDate reportDate) {
        List<Found> found = new ArrayList<>();
        boolean[] taken = new boolean[sentence.length() + 1];
        String lower = GuardedPattern.lower(sentence);
        for (Entry e : RULES) {
            Matcher m = e.pattern().matcher(sentence, lower);
            while (m.find()) {
                if (overlaps(taken, m.start(), m.end())) {
                    continue;
                }
                TimeValue v;
                try {
                    v = e.rule().apply(m, reportDate);
                } catch (RuntimeException ex) {
                    v = null;
                }
                if (v == null) {
                    continue;
                }
                String expr = sentence.substring(m.start(), m.end()).strip();
                found.add(new Found(m.start(), m.end(), new TimeValue(v.date(), v.start(), v.end(), expr)));
                for (int i = m.start(); i < m.end(); i++) {
                    taken[i] = true;
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static boolean overlaps(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    static int month(String s) {
        String k = s.toLowerCase(Locale.ROOT).replace(".", "");
        return switch (k.substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            case "dec" -> 12;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static int year(String s) {
        int y = Integer.parseInt(s);
        if (!plausibleYear(s)) {
            throw new IllegalArgumentException(s);
        }
        return y;
    }

    private static boolean plausibleYear(String s) {
        int y = Integer.parseInt(s);
        return y >= 1900 && y <= 2100;
    }

    private static String ym(int y, int m) {
        return YearMonth.of(y, m).toString();
    }

    private static TimeValue day(int y, int m, String d) {
        return TimeValue.point(LocalDate.of(y, m, Integer.parseInt(d)).toString(), null);
    }

    /** The year of the most recent such month at or before the report's month (December in a January report is last year's). */
    static int pastYear(LocalDate d, int month) {
        if (d == null) {
            return 0;
        }
        return month <= d.getMonthValue() ? d.getYear() : d.getYear() - 1;
    }

    private static TimeValue pastDay(LocalDate d, int month, String day) {
        if (d == null) {
            return null;
        }
        LocalDate x = LocalDate.of(d.getYear(), month, Integer.parseInt(day));
        // A few days' grace: a report may announce what is planned for the next days.
        if (x.isAfter(d.plusDays(7))) {
            x = x.minusYears(1);
        }
        return TimeValue.point(x.toString(), null);
    }

    private static LocalDate weekday(LocalDate d, String name, boolean last) {
        DayOfWeek w = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        LocalDate x = d.with(TemporalAdjusters.previousOrSame(w));
        return last && x.equals(d) ? x.minusWeeks(1) : x;
    }

    private static int amount(String s) {
        String k = s.toLowerCase(Locale.ROOT);
        return WORDS.containsKey(k) ? WORDS.get(k) : Integer.parseInt(k);
    }

    private static LocalDate minus(LocalDate d, int n, String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "day" -> d.minusDays(n);
            case "week" -> d.minusWeeks(n);
            case "month" -> d.minusMonths(n);
            default -> d.minusYears(n);
        };
    }

    private static TimeValue season(String s, int y) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "spring" -> new TimeValue(Integer.toString(y), ym(y, 3), ym(y, 5), null);
            case "summer" -> new TimeValue(Integer.toString(y), ym(y, 6), ym(y, 8), null);
            case "winter" -> TimeValue.span(ym(y, 12), ym(y + 1, 2), null);
            default -> new TimeValue(Integer.toString(y), ym(y, 9), ym(y, 11), null);
        };
    }
}
