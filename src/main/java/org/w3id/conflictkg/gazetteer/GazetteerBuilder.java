package org.w3id.conflictkg.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;

/**
 * Builds the bundled gazetteer {@code data/gazetteer/places.tsv} from GeoNames' {@code cities500.txt}, the
 * GeoNames first-level codes and the hand-written tables in {@code data/gazetteer/sources/}; run by
 * {@code scripts/build-gazetteer.sh}, described in {@code data/gazetteer/README.md}.
 *
 * <p>Settlements in Ukraine get their raion from GeoNames' admin2 code, which for Ukraine is the post-2020 raion
 * (digits 3-6 of its KATOTTH code, checked against each raion centre); a settlement without a known code gets
 * the raion whose centre is nearest in its oblast.
 */
public final class GazetteerBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(GazetteerBuilder.class);
    /** The file of GeoNames first-level codes, in the sources folder. */
    static final String ADMIN1_FILE = "geonames-admin1-UA-RU.tsv";
    /** First-level divisions of Ukraine without raions: their settlements are parts of the city itself. */
    private static final Set<String> CITIES_WITHOUT_RAIONS = Set.of("UA.12", "UA.20");

    private final Path sources;
    private final Map<String, Place> places = new LinkedHashMap<>();
    /** Rows of cities500 by country, then by folded name. */
    private final Map<String, Map<String, List<GeoNamesDumpReader.Row>>> rowsByName = new HashMap<>();
    private final Map<String, String> admin1Keys = new HashMap<>();
    /** Raion key by GeoNames admin2 code ("UA.07.6308"). */
    private final Map<String, String> raionByAdmin2 = new HashMap<>();
    /** Raions of each first-level code, for the nearest-centre fallback. */
    private final Map<String, List<Place>> raionsByAdmin1 = new HashMap<>();
    private int exactParents;
    private int approximateParents;

    private GazetteerBuilder(Path sources) {
        this.sources = sources;
    }

    /** Runs the builder: {@code CITIES500_TXT SOURCES_DIR OUT_TSV}. */
    public static void main(String[] args) {
        int code = run(args, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Builds the gazetteer and returns the exit code: 0 written, 1 failed, 2 usage error. */
    static int run(String[] args, PrintStream err) {
        if (args.length != 3) {
            err.println("usage: GazetteerBuilder CITIES500_TXT SOURCES_DIR OUT_TSV");
            // 2 for a usage error, as the CLI does.
            return 2;
        }
        try {
            List<Place> built = build(Path.of(args[0]), Path.of(args[1]));
            write(Path.of(args[2]), built);
            return 0;
        } catch (KgException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** Builds the places from cities500 and the sources folder, in the order they are written. */
    static List<Place> build(Path cities500, Path sources) {
        return new GazetteerBuilder(sources).buildAll(cities500);
    }

    private List<Place> buildAll(Path cities500) {
        List<String[]> admin1Rows = GeoNamesDumpReader.readAdmin1Rows(sources.resolve(ADMIN1_FILE));
        for (String[] a : admin1Rows) {
            admin1Keys.put(a[0], a[3]);
        }
        List<Map<String, String>> countries = SourceTable.read(sources.resolve("countries.tsv"), "key", "geonamesId",
                "label", "altLabels", "capital", "countryCode");
        List<Map<String, String>> regions = SourceTable.read(sources.resolve("regions-extra.tsv"), "key", "admin1",
                "label", "bases", "altLabels", "capital", "countryCode");
        List<Map<String, String>> raions = SourceTable.read(sources.resolve("raions.tsv"), "key", "label", "admin1",
                "admin2", "centre", "adjective", "ukLabel", "altLabels");
        List<Map<String, String>> rivers = SourceTable.read(sources.resolve("rivers.tsv"), "key", "geonamesId",
                "label", "altLabels", "lat", "lon", "countryCode", "parentKey");
        List<Map<String, String>> extraSettlements = SourceTable.read(sources.resolve("settlements-extra.tsv"),
                "name", "countryCode", "parentKey", "label", "altLabels", "removeAltLabels");
        List<Map<String, String>> missingSettlements = SourceTable.read(sources.resolve("settlements-missing.tsv"),
                "key", "label", "altLabels", "parentKey", "countryCode");

        Set<String> countryCodes = new HashSet<>(GeoNamesDumpReader.COUNTRY_KEYS.keySet());
        countries.forEach(c -> countryCodes.add(c.get("countryCode")));
        List<String> problems = new ArrayList<>();
        int[] malformed = {0};
        int[] ignored = {0};
        List<GeoNamesDumpReader.Row> rows = GeoNamesDumpReader.readRows(cities500,
                r -> countryCodes.contains(r.countryCode()), problems, malformed, ignored);
        if (malformed[0] > 0) {
            LOG.warn("{}: skipped {} malformed lines", cities500, malformed[0]);
        }
        for (GeoNamesDumpReader.Row r : rows) {
            Map<String, List<GeoNamesDumpReader.Row>> byName =
                    rowsByName.computeIfAbsent(r.countryCode(), k -> new HashMap<>());
            Set<String> folds = new HashSet<>();
            for (String n : r.allNames()) {
                folds.add(NameFolder.fold(n.replace("\u0301", "")));
            }
            for (String f : folds) {
                byName.computeIfAbsent(f, k -> new ArrayList<>()).add(r);
            }
        }

        addCountries(countries);
        addRegions(regions, admin1Rows);
        addRaions(raions);
        addSettlements(rows);
        addExtraSettlements(extraSettlements);
        addMissingSettlements(missingSettlements);
        addRivers(rivers);
        validate();
        LOG.info("settlement parents: {} by GeoNames admin2 code, {} by nearest raion centre", exactParents,
                approximateParents);
        List<Place> out = new ArrayList<>(places.values());
        out.sort(Comparator.comparing((Place p) -> p.type().ordinal())
                .thenComparing(p -> p.countryCode() == null ? "" : p.countryCode())
                .thenComparing(Place::label)
                .thenComparing(Place::key));
        Map<PlaceType, Integer> counts = new EnumMap<>(PlaceType.class);
        out.forEach(p -> counts.merge(p.type(), 1, Integer::sum));
        LOG.info("built {} places: {}", out.size(), counts);
        return out;
    }

    private void addCountries(List<Map<String, String>> rows) {
        for (Map<String, String> c : rows) {
            String id = c.get("geonamesId");
            String key = id.isEmpty() ? c.get("key") : id;
            if (!id.isEmpty() && !c.get("key").isEmpty() && !c.get("key").equals(id)) {
                throw new KgException("countries.tsv: key " + c.get("key") + " differs from GeoNames id " + id);
            }
            GeoNamesDumpReader.Row capital = findCapital(c.get("capital"), c.get("countryCode"), null);
            put(new Place(key, PlaceType.COUNTRY, c.get("label"), alts(c.get("label"), List.of(), c.get("altLabels")),
                    emptyToNull(id), null, capital.lat(), capital.lon(), 0, c.get("countryCode")));
        }
    }

    private void addRegions(List<Map<String, String>> rows, List<String[]> admin1Rows) {
        Set<String> described = new HashSet<>();
        for (Map<String, String> r : rows) {
            String code = r.get("admin1");
            String key;
            String geonamesId = null;
            if (!code.isEmpty()) {
                geonamesId = admin1Keys.get(code);
                if (geonamesId == null) {
                    throw new KgException("regions-extra.tsv: admin1 code " + code + " is not in " + ADMIN1_FILE);
                }
                key = geonamesId;
                described.add(code);
            } else {
                key = r.get("key");
            }
            String cc = r.get("countryCode");
            GeoNamesDumpReader.Row capital = findCapital(r.get("capital"), cc, null);
            List<String> generated = new ArrayList<>();
            for (String b : SourceTable.list(r.get("bases"), ";")) {
                generated.add(b + " region");
                generated.add(b + " Oblast");
                generated.add(b + " province");
            }
            Place oblast = new Place(key, PlaceType.OBLAST, r.get("label"),
                    alts(r.get("label"), generated, r.get("altLabels")), geonamesId, countryKey(cc), capital.lat(),
                    capital.lon(), 0, cc);
            put(oblast);
            if (code.isEmpty() && !places.containsKey(capital.id())) {
                // The capital of a subject outside the border oblasts: news names these cities on their own.
                put(GeoNamesDumpReader.toPlace(capital, key));
            }
        }
        for (String[] a : admin1Rows) {
            if (!described.contains(a[0])) {
                LOG.warn("regions-extra.tsv: no row for {} ({}); using the GeoNames name", a[0], a[1]);
                String cc = a[0].substring(0, 2);
                put(new Place(a[3], PlaceType.OBLAST, a[1], List.of(), a[3], countryKey(cc), null, null, 0, cc));
            }
        }
    }

    private void addRaions(List<Map<String, String>> rows) {
        for (Map<String, String> r : rows) {
            String admin1 = r.get("admin1");
            String oblastKey = admin1Keys.get(admin1);
            if (oblastKey == null) {
                throw new KgException("raions.tsv: raion " + r.get("key") + ": admin1 code " + admin1 + " unknown");
            }
            List<String> centres = SourceTable.list(r.get("centre"), ";");
            GeoNamesDumpReader.Row centre = null;
            for (String name : centres) {
                centre = bestMatch(name, "UA", admin1);
                if (centre != null) {
                    break;
                }
            }
            if (centre == null) {
                throw new KgException("raions.tsv: raion " + r.get("key") + ": centre " + centres + " not found in "
                        + admin1);
            }
            String admin2 = admin1 + "." + r.get("admin2");
            if (!centre.admin2Code().equals(admin2)) {
                LOG.warn("raions.tsv: centre {} of {} has GeoNames admin2 {}, not {}", centre.name(), r.get("key"),
                        centre.admin2Code(), admin2);
            }
            String label = r.get("label");
            String base = label.replaceFirst("\\s+Raion$", "");
            String adjective = r.get("adjective");
            List<String> generated = new ArrayList<>(List.of(base + " district", base + " raion", base + " rayon",
                    adjective + " raion", adjective + " district", adjective + " rayon"));
            if (adjective.endsWith("yi")) {
                generated.add(adjective.substring(0, adjective.length() - 1) + " district");
            }
            if (!r.get("ukLabel").isEmpty()) {
                generated.add(r.get("ukLabel"));
            }
            Place raion = new Place(r.get("key"), PlaceType.RAION, label, alts(label, generated, r.get("altLabels")),
                    null, oblastKey, centre.lat(), centre.lon(), 0, "UA");
            put(raion);
            if (raionByAdmin2.put(admin2, raion.key()) != null) {
                throw new KgException("raions.tsv: two raions have admin2 code " + admin2);
            }
            raionsByAdmin1.computeIfAbsent(admin1, k -> new ArrayList<>()).add(raion);
        }
    }

    private void addSettlements(List<GeoNamesDumpReader.Row> rows) {
        Set<String> russianBorder = new HashSet<>();
        admin1Keys.keySet().stream().filter(c -> c.startsWith("RU.")).forEach(russianBorder::add);
        for (GeoNamesDumpReader.Row r : rows) {
            String parent;
            if ("UA".equals(r.countryCode())) {
                parent = ukrainianParent(r);
            } else if ("RU".equals(r.countryCode()) && russianBorder.contains(r.admin1Code())) {
                parent = admin1Keys.get(r.admin1Code());
            } else {
                continue;
            }
            put(GeoNamesDumpReader.toPlace(r, parent));
        }
    }

    private String ukrainianParent(GeoNamesDumpReader.Row r) {
        String admin1 = r.admin1Code();
        String oblast = admin1Keys.get(admin1);
        if (oblast == null) {
            return countryKey("UA");
        }
        if (CITIES_WITHOUT_RAIONS.contains(admin1)) {
            return oblast;
        }
        String raion = raionByAdmin2.get(r.admin2Code());
        if (raion != null) {
            exactParents++;
            return raion;
        }
        Place nearest = null;
        double best = Double.MAX_VALUE;
        for (Place p : raionsByAdmin1.getOrDefault(admin1, List.of())) {
            double d = distanceKm(r.lat(), r.lon(), p.lat(), p.lon());
            if (d < best) {
                best = d;
                nearest = p;
            }
        }
        if (nearest == null) {
            return oblast;
        }
        approximateParents++;
        LOG.debug("{} ({}): admin2 '{}' unknown, nearest raion centre {}", r.name(), r.id(), r.admin2(),
                nearest.key());
        return nearest.key();
    }

    private void addExtraSettlements(List<Map<String, String>> rows) {
        for (Map<String, String> s : rows) {
            String parentKey = s.get("parentKey");
            Place parent = places.get(parentKey);
            if (parent == null) {
                throw new KgException("settlements-extra.tsv: " + s.get("name") + ": parent " + parentKey
                        + " is not a place");
            }
            GeoNamesDumpReader.Row row = nearestMatch(s.get("name"), s.get("countryCode"), parent);
            if (row == null) {
                throw new KgException("settlements-extra.tsv: " + s.get("name") + " not found in "
                        + s.get("countryCode"));
            }
            Place base = places.containsKey(row.id()) ? places.get(row.id()) : GeoNamesDumpReader.toPlace(row, null);
            String label = s.get("label").isEmpty() ? base.label() : s.get("label");
            List<String> alts = new ArrayList<>(base.altLabels());
            if (!label.equals(base.label())) {
                alts.add(0, base.label());
            }
            alts.removeAll(SourceTable.list(s.get("removeAltLabels"), "|"));
            put(new Place(base.key(), base.type(), label, alts(label, alts, s.get("altLabels")), base.geonamesId(),
                    parentKey, base.lat(), base.lon(), base.population(), base.countryCode()));
        }
    }

    private void addMissingSettlements(List<Map<String, String>> rows) {
        Map<String, List<Place>> byFold = new HashMap<>();
        for (Place p : places.values()) {
            byFold.computeIfAbsent(NameFolder.fold(p.label()), k -> new ArrayList<>()).add(p);
        }
        for (Map<String, String> s : rows) {
            String parentKey = s.get("parentKey");
            if (!places.containsKey(parentKey)) {
                throw new KgException(s.get("#line") + ": parent " + parentKey + " is not a place");
            }
            String oblast = oblastOf(parentKey);
            boolean known = byFold.getOrDefault(NameFolder.fold(s.get("label")), List.of()).stream()
                    .anyMatch(p -> p.type() == PlaceType.SETTLEMENT && oblast.equals(oblastOf(p.key())));
            if (known) {
                LOG.warn("{}: {} is already in cities500 in the same oblast; row skipped", s.get("#line"),
                        s.get("label"));
                continue;
            }
            put(new Place(s.get("key"), PlaceType.SETTLEMENT, s.get("label"),
                    alts(s.get("label"), List.of(), s.get("altLabels")), null, parentKey, null, null, 0,
                    s.get("countryCode")));
        }
    }

    /** The first-level division a place lies in (itself for an oblast), or "" when it has none. */
    private String oblastOf(String key) {
        Place p = places.get(key);
        for (int i = 0; p != null && i < 8; i++) {
            if (p.type() == PlaceType.OBLAST) {
                return p.key();
            }
            p = p.parentKey() == null ? null : places.get(p.parentKey());
        }
        return "";
    }

    private void addRivers(List<Map<String, String>> rows) {
        for (Map<String, String> r : rows) {
            String id = r.get("geonamesId");
            String key = id.isEmpty() ? r.get("key") : id;
            put(new Place(key, PlaceType.RIVER, r.get("label"), alts(r.get("label"), List.of(), r.get("altLabels")),
                    emptyToNull(id), r.get("parentKey"), SourceTable.number(r, "lat"), SourceTable.number(r, "lon"),
                    0, r.get("countryCode")));
        }
    }

    private void validate() {
        for (Place p : places.values()) {
            if (p.parentKey() != null && !places.containsKey(p.parentKey())) {
                throw new KgException("place " + p.key() + " (" + p.label() + "): parent " + p.parentKey()
                        + " is not a place");
            }
            for (String name : concat(p.label(), p.altLabels())) {
                if (name.contains("\t") || name.contains("|") || name.isBlank()) {
                    throw new KgException("place " + p.key() + ": name '" + name + "' is empty or has a tab or |");
                }
            }
        }
    }

    private void put(Place p) {
        places.put(p.key(), p);
    }

    private String countryKey(String cc) {
        String key = GeoNamesDumpReader.COUNTRY_KEYS.get(cc);
        if (key == null) {
            throw new KgException("no country key for " + cc);
        }
        return key;
    }

    /** A capital by name: the national capital first, then first- and second-level seats, then the largest. */
    private GeoNamesDumpReader.Row findCapital(String name, String cc, String admin1) {
        GeoNamesDumpReader.Row row = bestMatch(name, cc, admin1);
        if (row == null) {
            throw new KgException("capital " + name + " not found in cities500 for " + cc);
        }
        return row;
    }

    private GeoNamesDumpReader.Row bestMatch(String name, String cc, String admin1) {
        List<GeoNamesDumpReader.Row> candidates = candidates(name, cc, admin1);
        return candidates.stream().min(Comparator.comparing((GeoNamesDumpReader.Row r) -> seatRank(r.featureCode()))
                .thenComparing(r -> -r.population())).orElse(null);
    }

    /** The same-named place nearest to the parent's point: places named alike are common across Russia. */
    private GeoNamesDumpReader.Row nearestMatch(String name, String cc, Place parent) {
        List<GeoNamesDumpReader.Row> candidates = candidates(name, cc, null);
        if (parent.lat() == null) {
            return candidates.stream().max(Comparator.comparingLong(GeoNamesDumpReader.Row::population)).orElse(null);
        }
        return candidates.stream().min(Comparator.comparingDouble(
                (GeoNamesDumpReader.Row r) -> distanceKm(r.lat(), r.lon(), parent.lat(), parent.lon()))).orElse(null);
    }

    private List<GeoNamesDumpReader.Row> candidates(String name, String cc, String admin1) {
        List<GeoNamesDumpReader.Row> all = rowsByName.getOrDefault(cc, Map.of())
                .getOrDefault(NameFolder.fold(name), List.of());
        List<GeoNamesDumpReader.Row> out = new ArrayList<>();
        for (GeoNamesDumpReader.Row r : all) {
            if ((admin1 == null || admin1.equals(r.admin1Code())) && !"PPLX".equals(r.featureCode())) {
                out.add(r);
            }
        }
        return out;
    }

    private static int seatRank(String featureCode) {
        return switch (featureCode) {
            case "PPLC" -> 0;
            case "PPLA" -> 1;
            case "PPLA2" -> 2;
            case "PPLA3" -> 3;
            default -> 4;
        };
    }

    /** The label's variants: generated ones, then the hand-written ones, without repeats or the label itself. */
    private static List<String> alts(String label, List<String> generated, String handWritten) {
        Set<String> out = new LinkedHashSet<>(generated);
        out.addAll(SourceTable.list(handWritten, "|"));
        out.remove(label);
        out.removeIf(String::isBlank);
        return List.copyOf(out);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Great-circle distance. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2)
                * Math.sin(dl / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static void write(Path out, List<Place> built) {
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                PlaceTsv.write(w, built);
            }
            LOG.info("wrote {} ({} places, {} bytes)", out, built.size(), Files.size(out));
        } catch (IOException e) {
            throw new KgException(out + ": cannot write gazetteer: " + e.getMessage(), e);
        }
    }

    /** The hand-written tables of the sources folder: a header line, then tab-separated rows; # starts a comment. */
    static final class SourceTable {
        private SourceTable() {
        }

        /** Reads a table and checks that its header has the given columns. */
        static List<Map<String, String>> read(Path file, String... columns) {
            List<Map<String, String>> rows = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String[] header = null;
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cols = line.split("\t", -1);
                    if (header == null) {
                        header = cols;
                        List<String> have = List.of(header);
                        for (String c : columns) {
                            if (!have.contains(c)) {
                                throw new KgException(file + ":" + n + ": header lacks column '" + c + "'");
                            }
                        }
                        continue;
                    }
                    if (cols.length != header.length) {
                        throw new KgException(file + ":" + n + ": expected " + header.length + " columns ("
                                + String.join(", ", header) + "), found " + cols.length);
                    }
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < header.length; i++) {
                        row.put(header[i], cols[i].strip());
                    }
                    row.put("#line", file.getFileName() + ":" + n);
                    rows.add(row);
                }
            } catch (IOException e) {
                throw new KgException(file + ": cannot read: " + e.getMessage(), e);
            }
            return rows;
        }

        static List<String> list(String value, String separator) {
            List<String> out = new ArrayList<>();
            if (value == null) {
                return out;
            }
            for (String s : value.split(Pattern.quote(separator))) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }

        static Double number(Map<String, String> row, String column) {
            try {
                return Double.valueOf(row.get(column));
            } catch (NumberFormatException | NullPointerException e) {
                throw new KgException(row.get("#line") + ": " + column + " '" + row.get(column)
                        + "' is not a number");
            }
        }
    }
}
