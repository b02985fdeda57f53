package org.w3id.conflictkg.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.w3id.conflictkg.KgException;

/** Reads and writes the gazetteer's tab-separated format: a header line, then one place per line. */
final class PlaceTsv {
    static final String HEADER =
            "key\ttype\tlabel\taltLabels\tgeonamesId\tparentKey\tlat\tlon\tpopulation\tcountryCode";
    private static final int COLUMNS = 10;

    private PlaceTsv() {
    }

    /** Reads places; {@code source} names the input in error messages, which give its line number and reason. */
    static List<Place> read(BufferedReader in, String source) throws IOException {
        List<Place> places = new ArrayList<>();
        String header = in.readLine();
        if (header == null || !header.replace("\uFEFF", "").equals(HEADER)) {
            throw new KgException(source + ":1: expected the header line '" + HEADER.replace('\t', ' ') + "'");
        }
        String line;
        int n = 1;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                places.add(parse(line));
            } catch (IllegalArgumentException e) {
                throw new KgException(source + ":" + n + ": " + e.getMessage(), e);
            }
        }
        return places;
    }

    private static Place parse(String line) {
        String[] c = line.split("\t", -1);
        if (c.length != COLUMNS) {
            throw new IllegalArgumentException("expected " + COLUMNS + " tab-separated columns, found " + c.length);
        }
        if (c[0].isEmpty() || c[2].isEmpty()) {
            throw new IllegalArgumentException("key and label must not be empty");
        }
        PlaceType type;
        try {
            type = PlaceType.valueOf(c[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown type '" + c[1] + "'", e);
        }
        List<String> alts = c[3].isEmpty() ? List.of() : List.copyOf(Arrays.asList(c[3].split("\\|")));
        return new Place(c[0], type, c[2], alts, emptyToNull(c[4]), emptyToNull(c[5]), coordinate(c[6], "lat"),
                coordinate(c[7], "lon"), population(c[8]), emptyToNull(c[9]));
    }

    private static Double coordinate(String s, String what) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + s + "' is not a number", e);
        }
    }

    private static long population(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("population '" + s + "' is not a whole number", e);
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Writes the header and the places in the given order. */
    static void write(Writer out, List<Place> places) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (Place p : places) {
            out.write(line(p));
            out.write('\n');
        }
    }

    /** One place as a line of the format, without the line break. */
    static String line(Place p) {
        return String.join("\t", p.key(), p.type().name().toLowerCase(Locale.ROOT), p.label(),
                String.join("|", p.altLabels()), nullToEmpty(p.geonamesId()), nullToEmpty(p.parentKey()),
                format(p.lat()), format(p.lon()), Long.toString(p.population()), nullToEmpty(p.countryCode()));
    }

    private static String format(Double d) {
        if (d == null) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%.5f", d);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
