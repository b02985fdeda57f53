package org.w3id.conflictkg.extract;

/**
 * When something happened, normalised against the report's date. A value is a lexical form of xsd:date
 * (2024-11-26), xsd:gYearMonth (2024-11) or xsd:gYear (2024); its precision is read from its length.
 * A point has {@code date}; a span has {@code start} and/or {@code end}.
 */
public record TimeValue(String date, String start, String end, String expression) {

    public static TimeValue point(String value, String expression) {
        return new TimeValue(value, null, null, expression);
    }

    public static TimeValue span(String start, String end, String expression) {
        return new TimeValue(null, start, end, expression);
    }

    /** The earliest value this time states, for ordering and compatibility. */
    public String anchor() {
        return date != null ? date : start != null ? start : end;
    }

    /**
     * True when two times may denote the same moment: one value is a prefix of the other (2024-11 and 2024-11-26),
     * or two days are adjacent.
     */
    public boolean compatible(TimeValue other) {
        if (other == null) {
            return true;
        }
        String a = anchor();
        String b = other.anchor();
        if (a == null || b == null) {
            return true;
        }
        if (a.startsWith(b) || b.startsWith(a)) {
            return true;
        }
        // Night attacks straddle midnight: sources date them to either day.
        return a.length() == 10 && b.length() == 10
                && Math.abs(java.time.LocalDate.parse(a).toEpochDay() - java.time.LocalDate.parse(b).toEpochDay()) <= 1;
    }

    /** Number of characters of the anchor: 10 a day, 7 a month, 4 a year. */
    public int precision() {
        String a = anchor();
        return a == null ? 0 : a.length();
    }
}
