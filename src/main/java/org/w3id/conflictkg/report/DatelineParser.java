package org.w3id.conflictkg.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the date a report states for itself in its opening (a dateline such as "KYIV, March 3, 2025 —"). */
final class DatelineParser {
    static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final Pattern MDY = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
    private static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})\\s+" + MONTH + ",?\\s+(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    /** Only the opening is searched: a date deep in the text is about an event, not the report. */
    private static final int OPENING = 400;

    private DatelineParser() {
    }

    static LocalDate find(String text) {
        String head = text.length() > OPENING ? text.substring(0, OPENING) : text;
        LocalDate best = null;
        int bestAt = Integer.MAX_VALUE;
        Matcher m = MDY.matcher(head);
        if (m.find()) {
            LocalDate d = date(m.group(3), month(m.group(1)), m.group(2));
            if (d != null) {
                best = d;
                bestAt = m.start();
            }
        }
        m = DMY.matcher(head);
        if (m.find() && m.start() < bestAt) {
            LocalDate d = date(m.group(3), month(m.group(2)), m.group(1));
            if (d != null) {
                best = d;
                bestAt = m.start();
            }
        }
        m = ISO.matcher(head);
        if (m.find() && m.start() < bestAt) {
            LocalDate d = date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
            if (d != null) {
                best = d;
            }
        }
        return best;
    }

    static int month(String name) {
        return MONTHS.getOrDefault(name.toLowerCase(Locale.ROOT).substring(0, 3), 0);
    }

    private static LocalDate date(String year, int month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
