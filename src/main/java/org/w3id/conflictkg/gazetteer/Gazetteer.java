package org.w3id.conflictkg.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3id.conflictkg.KgException;

/**
 * The place names the extractor can resolve: places by key, a hash index from folded names to places, and the
 * administrative chain from a place up to its country.
 *
 * <p>Every label and every alternative label that starts with a capital letter and is not a common English word
 * is indexed under its {@link NameFolder#fold folded} skeleton, so {@link #lookup} is a few hash look-ups.
 * Oblasts, raions and rivers are also indexed under their bare name, for surface forms that add a generic word
 * ("Kharkiv region", "Kupiansk district", "the Oskil River"). Names that fold to fewer than 3 characters are not
 * indexed. Not safe for {@link #addAll} concurrent with reads.
 */
public final class Gazetteer {
    /** Where the bundled gazetteer lives on the class path. */
    public static final String BUNDLED_RESOURCE = "/gazetteer/places.tsv";
    private static final int MIN_FOLDED_LENGTH = 3;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern GENERIC_NOISE = Pattern.compile("['’ʼ.,]");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?]+$");
    private static final int MAX_ANCESTORS = 16;

    /** Generic words after a name, and the kinds of place they ask for. */
    private static final Map<String, List<PlaceType>> GENERIC_SUFFIXES = genericSuffixes();
    /**
     * Words an alternative label may not be: English words that GeoNames also lists as a name of some place,
     * which would otherwise turn ordinary words into place mentions, and big foreign cities whose names were
     * once given to villages (Paris, Hamburg, Leipzig are old names of colonist villages in the south).
     */
    private static final Set<String> COMMON_WORDS = Set.of(
            "a", "about", "after", "all", "also", "an", "and", "any", "are", "area", "army", "as", "at", "back",
            "bad", "bank", "bar", "base", "be", "bear", "been", "before", "best", "big", "black", "blue", "both",
            "bridge", "but", "by", "camp", "can", "centre", "center", "city", "coal", "cold", "could", "day",
            "deal", "did", "do", "does", "down", "during", "each", "east", "even", "every", "fair", "fall",
            "far", "field", "fire", "first", "five", "for", "forest", "four", "free", "from", "front", "gas",
            "glory", "gold", "good", "great", "green", "had", "has", "have", "he", "her", "here", "high", "hill",
            "his", "home", "hope", "how", "if", "in", "into", "is", "it", "its", "just", "lake", "land", "last",
            "left", "light", "like", "line", "little", "long", "lot", "main", "many", "march", "may", "mine",
            "more", "most", "new", "nice", "nine", "no", "north", "not", "now", "of", "oil", "old", "on", "one",
            "only", "or", "other", "our", "out", "over", "park", "peace", "plant", "pole", "port", "post",
            "power", "progress", "rain", "range", "red", "right", "river", "road", "rock", "rose", "round",
            "said", "salt", "same", "sand", "sea", "second", "see", "seven", "she", "side", "six", "so", "some",
            "south", "spring", "star", "station", "still", "stone", "street", "sum", "summer", "sun", "such",
            "ten", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
            "three", "to", "town", "two", "under", "union", "up", "us", "valley", "very", "victory", "village",
            "was", "water", "way", "we", "were", "west", "what", "when", "where", "which", "while", "white",
            "who", "will", "winter", "with", "would", "year", "you", "young", "zero",
            "flora", "human", "lazy", "mega", "ray", "roy", "spat",
            "berlin", "edmonton", "hamburg", "leipzig", "london", "paris", "sakai", "vienna", "warsaw");

    private static final int MAX_COMMON_WORD_LENGTH = COMMON_WORDS.stream().mapToInt(String::length).max().orElse(0);

    private final Map<String, Place> byKey = new LinkedHashMap<>();
    /** Places by folded name. */
    private Map<String, List<Place>> byName = Map.of();
    /** Oblasts, raions, rivers and city districts by type and folded bare name ("Kharkiv" of "Kharkiv Oblast"). */
    private Map<String, List<Place>> byBase = Map.of();
    private int maxNameTokens;
    private String fingerprint;

    /** A place found under a name, and whether that name is its label (not only a variant). */
    private record Hit(Place place, boolean label) {
    }

    private Gazetteer(Collection<Place> places) {
        addAll(places);
    }

    /** A gazetteer of the given places. */
    public static Gazetteer of(Collection<Place> places) {
        return new Gazetteer(places);
    }

    /** Loads a gazetteer file in the format of {@code data/gazetteer/places.tsv}. */
    public static Gazetteer load(Path tsv) {
        try (BufferedReader in = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            return new Gazetteer(PlaceTsv.read(in, tsv.toString()));
        } catch (IOException e) {
            throw new KgException(tsv + ": cannot read gazetteer: " + e.getMessage(), e);
        }
    }

    /** Loads the gazetteer bundled in the jar ({@value #BUNDLED_RESOURCE}). */
    public static Gazetteer loadBundled() {
        InputStream stream = Gazetteer.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (stream == null) {
            throw new KgException(BUNDLED_RESOURCE + ": bundled gazetteer not found on the class path");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return new Gazetteer(PlaceTsv.read(in, "classpath:" + BUNDLED_RESOURCE));
        } catch (IOException e) {
            throw new KgException(BUNDLED_RESOURCE + ": cannot read bundled gazetteer: " + e.getMessage(), e);
        }
    }

    /** The bundled gazetteer plus the places {@code ingest-gazetteer} added to this store ({@link ExtraPlaces}). */
    public static Gazetteer forStore(Path storeDir) {
        Gazetteer g = loadBundled();
        List<Place> extra = ExtraPlaces.read(storeDir);
        if (!extra.isEmpty()) {
            g.addAll(extra);
        }
        return g;
    }

    /** The place with this key (a GeoNames id or a slug such as {@code raion-kupiansk-kharkiv}). */
    public Optional<Place> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * Every place one of whose names folds like the surface form, case-insensitively: places whose label
     * matches first, then those matched by a variant only (Pokrovsk the town before Engels, once called
     * Pokrovsk), each most populous first. Also accepts a surface form that adds a generic word to a name:
     * "Kharkiv region", "Kharkiv regional", "Kharkiv province", "region of Kharkiv" find the oblast, "Kupiansk
     * district" and "Kupiansk raion" the raion, "Oskil River" and "River Oskil" the river; a leading "the" and a
     * trailing possessive ("Donetsk's") are ignored. Empty for null or unknown names.
     */
    public List<Place> lookup(String surface) {
        if (surface == null) {
            return List.of();
        }
        String s = stripPossessive(surface.strip());
        String[] words = SPACES.split(s);
        if (words.length > 1 && words[0].equalsIgnoreCase("the")) {
            s = s.substring(words[0].length()).strip();
            words = SPACES.split(s);
        }
        Set<Place> found = new LinkedHashSet<>(byName.getOrDefault(NameFolder.fold(s), List.of()));
        if (words.length > 1) {
            List<PlaceType> types = GENERIC_SUFFIXES.get(genericWord(words[words.length - 1]));
            if (types != null) {
                String base = stripPossessive(String.join(" ", List.of(words).subList(0, words.length - 1)));
                addBase(found, types, base);
            }
            if (genericWord(words[0]).equals("river")) {
                addBase(found, List.of(PlaceType.RIVER), String.join(" ", List.of(words).subList(1, words.length)));
            }
            if (words.length > 2 && words[1].equalsIgnoreCase("of")) {
                List<PlaceType> prefixTypes = GENERIC_SUFFIXES.get(genericWord(words[0]));
                if (prefixTypes != null) {
                    addBase(found, prefixTypes, String.join(" ", List.of(words).subList(2, words.length)));
                }
            }
        }
        return List.copyOf(found);
    }

    private void addBase(Set<Place> found, List<PlaceType> types, String base) {
        String folded = NameFolder.fold(base);
        if (folded.length() < MIN_FOLDED_LENGTH) {
            return;
        }
        for (PlaceType t : types) {
            found.addAll(byBase.getOrDefault(baseKey(t, folded), List.of()));
        }
    }

    /** The parent chain of a place, nearest first, up to its country; missing parents end the chain. */
    public List<Place> ancestors(Place place) {
        List<Place> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(place.key());
        String parent = place.parentKey();
        while (parent != null && chain.size() < MAX_ANCESTORS && seen.add(parent)) {
            Place p = byKey.get(parent);
            if (p == null) {
                break;
            }
            chain.add(p);
            parent = p.parentKey();
        }
        return chain;
    }

    /** All places, in load order. */
    public Collection<Place> all() {
        return Collections.unmodifiableCollection(byKey.values());
    }

    /** The number of places. */
    public int size() {
        return byKey.size();
    }

    /**
     * Adds places, for instance those read from a full GeoNames dump; a place whose key is already present
     * replaces the old one. Rebuilds the name index.
     */
    public void addAll(Collection<Place> places) {
        for (Place p : places) {
            byKey.put(p.key(), p);
        }
        reindex();
    }

    /** The largest number of tokens a surface form that {@link #lookup} can match may have, generic word included. */
    public int maxNameTokens() {
        return maxNameTokens;
    }

    /** A SHA-256 over every place, in key order: changes whenever any place changes. */
    public String fingerprint() {
        if (fingerprint == null) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                List<String> keys = new ArrayList<>(byKey.keySet());
                Collections.sort(keys);
                for (String k : keys) {
                    md.update(PlaceTsv.line(byKey.get(k)).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) '\n');
                }
                StringBuilder hex = new StringBuilder();
                for (byte b : md.digest()) {
                    hex.append(String.format("%02x", b));
                }
                fingerprint = hex.toString();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
        return fingerprint;
    }

    /**
     * Whether a name is an English word (or a big foreign city) that must not be read as a place name, ignoring
     * case and accents ("Pole", "Bar", "Most", "Humań"). Alternative labels that are such words are not indexed;
     * labels are, so callers that match lower-case or sentence-initial words should check this too.
     */
    public static boolean isCommonWord(String name) {
        if (name == null) {
            return false;
        }
        String s = name.strip();
        if (s.length() > MAX_COMMON_WORD_LENGTH) {
            return false;
        }
        String plain = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return COMMON_WORDS.contains(plain.toLowerCase(Locale.ROOT));
    }

    private void reindex() {
        Map<String, List<Hit>> names = new HashMap<>();
        Map<String, List<Hit>> bases = new HashMap<>();
        int tokens = 0;
        for (Place p : byKey.values()) {
            Set<String> indexed = new LinkedHashSet<>();
            indexed.add(p.label());
            for (String alt : p.altLabels()) {
                if (!alt.isEmpty() && Character.isUpperCase(alt.codePointAt(0)) && !isCommonWord(alt)) {
                    indexed.add(alt);
                }
            }
            for (String name : indexed) {
                String folded = NameFolder.fold(name);
                if (folded.length() < MIN_FOLDED_LENGTH) {
                    continue;
                }
                boolean label = name.equals(p.label());
                addTo(names, folded, new Hit(p, label));
                tokens = Math.max(tokens, tokenCount(name));
                if (p.type() == PlaceType.OBLAST || p.type() == PlaceType.RAION || p.type() == PlaceType.RIVER
                        || p.type() == PlaceType.CITYDISTRICT) {
                    String baseFolded = NameFolder.fold(baseName(name, p.type()));
                    if (baseFolded.length() >= MIN_FOLDED_LENGTH) {
                        addTo(bases, baseKey(p.type(), baseFolded), new Hit(p, label));
                    }
                }
            }
        }
        byName = ordered(names);
        byBase = ordered(bases);
        // One more token for a generic word added to a bare name ("Oskil" + "River").
        maxNameTokens = tokens + 1;
        fingerprint = null;
    }

    /** Each list of hits as places: label hits first, then by population, type and key; each place once. */
    private static Map<String, List<Place>> ordered(Map<String, List<Hit>> index) {
        Comparator<Hit> order = Comparator.comparing((Hit h) -> !h.label())
                .thenComparing(h -> -h.place().population())
                .thenComparing(h -> h.place().type().ordinal())
                .thenComparing(h -> h.place().key());
        Map<String, List<Place>> out = new HashMap<>(index.size() * 2);
        for (Map.Entry<String, List<Hit>> e : index.entrySet()) {
            List<Hit> hits = e.getValue();
            hits.sort(order);
            Set<Place> places = new LinkedHashSet<>();
            hits.forEach(h -> places.add(h.place()));
            out.put(e.getKey(), List.copyOf(places));
        }
        return out;
    }

    private static void addTo(Map<String, List<Hit>> index, String key, Hit hit) {
        index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(hit);
    }

    /** The name without a generic word of the place's type before or after it: "Kharkiv Oblast" to "Kharkiv". */
    private static String baseName(String name, PlaceType type) {
        String[] words = SPACES.split(name.strip());
        if (words.length < 2) {
            return name;
        }
        List<PlaceType> last = GENERIC_SUFFIXES.get(genericWord(words[words.length - 1]));
        if (last != null && last.contains(type)) {
            return String.join(" ", List.of(words).subList(0, words.length - 1));
        }
        if (words.length > 2 && words[1].equalsIgnoreCase("of")) {
            List<PlaceType> first = GENERIC_SUFFIXES.get(genericWord(words[0]));
            if (first != null && first.contains(type)) {
                return String.join(" ", List.of(words).subList(2, words.length));
            }
        }
        if (type == PlaceType.RIVER && genericWord(words[0]).equals("river")) {
            return String.join(" ", List.of(words).subList(1, words.length));
        }
        return name;
    }

    private static String baseKey(PlaceType type, String folded) {
        return type.ordinal() + ":" + folded;
    }

    private static String genericWord(String word) {
        return GENERIC_NOISE.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String stripPossessive(String s) {
        String t = TRAILING_PUNCTUATION.matcher(s).replaceAll("");
        if (t.endsWith("'s") || t.endsWith("’s")) {
            return t.substring(0, t.length() - 2);
        }
        if (t.endsWith("s'") || t.endsWith("s’")) {
            return t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** Tokens as a tokenizer may split them: runs of letters or digits, and each other non-space character. */
    private static int tokenCount(String name) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                if (!inWord) {
                    count++;
                    inWord = true;
                }
            } else {
                inWord = false;
                if (!Character.isWhitespace(c)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Map<String, List<PlaceType>> genericSuffixes() {
        Map<String, List<PlaceType>> m = new HashMap<>();
        List<PlaceType> oblast = List.of(PlaceType.OBLAST);
        for (String w : List.of("oblast", "oblasts", "region", "regions", "regional", "province", "provinces",
                "krai", "kray", "territory", "republic", "область", "обл", "край", "республика", "республіка")) {
            m.put(w, oblast);
        }
        List<PlaceType> raion = List.of(PlaceType.RAION, PlaceType.CITYDISTRICT);
        for (String w : List.of("raion", "raions", "rayon", "rayons", "district", "districts", "район")) {
            m.put(w, raion);
        }
        for (String w : List.of("river", "rivers", "річка", "река")) {
            m.put(w, List.of(PlaceType.RIVER));
        }
        return Map.copyOf(m);
    }
}
