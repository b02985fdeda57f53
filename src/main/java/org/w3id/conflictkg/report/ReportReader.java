package org.w3id.conflictkg.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.w3id.conflictkg.KgException;

/** Reads a report file and its optional {@code NAME.meta.json} sidecar into a {@link Report}, rejecting bad input. */
public final class ReportReader {
    /** Default largest report accepted: far above any news article, far below what would exhaust memory. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    private final long maxBytes;

    public ReportReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public ReportReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The sidecar path of a report: {@code x.txt} has {@code x.meta.json}. */
    public static Path sidecarOf(Path report) {
        String name = report.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return report.resolveSibling(stem + ".meta.json");
    }

    /** Reads one report; throws {@link KgException} naming the file and the reason when it cannot be used. */
    public Report read(Path file) {
        String name = file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new KgException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new KgException(file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new KgException(file + ": not readable (permission denied)");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new KgException(file + ": too large (" + size + " bytes; the limit is " + maxBytes
                        + ", set with --max-size)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KgException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        String binary = binaryKind(bytes);
        if (binary != null) {
            throw new KgException(file + ": not a text file (" + binary + ")");
        }
        String text = decodeUtf8(file, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            throw new KgException(file + ": empty report (no text)");
        }
        Sidecar meta = readSidecar(sidecarOf(file));
        String title = firstLine(text);
        LocalDate issued = meta.published() != null ? meta.published() : DatelineParser.find(text);
        return new Report(name, title, issued, meta.url(), meta.source(), text, sha256(bytes));
    }

    private static String firstLine(String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                String t = line.strip();
                return t.length() > 300 ? t.substring(0, 300) : t;
            }
        }
        return "";
    }

    /** Names the kind of binary content, or null for what may be text. */
    static String binaryKind(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "PNG image";
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return "zip archive";
        }
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "PDF document";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "gzip archive";
        }
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
            return "UTF-16 text; save it as UTF-8";
        }
        int limit = Math.min(b.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (b[i] == 0) {
                return "contains NUL bytes";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String decodeUtf8(Path file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new KgException(file + ": not valid UTF-8 (" + e.getMessage() + "); convert it, e.g. iconv -t UTF-8");
        }
    }

    record Sidecar(String url, LocalDate published, String source) {
    }

    static Sidecar readSidecar(Path meta) {
        if (!Files.exists(meta)) {
            return new Sidecar(null, null, null);
        }
        JsonValue v;
        try {
            v = JSON.parseAny(Files.readString(meta, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KgException(meta + ": cannot read sidecar (" + oneLine(e.getMessage()) + ")", e);
        } catch (JsonException e) {
            throw new KgException(meta + ": malformed sidecar JSON (" + oneLine(e.getMessage()) + ")", e);
        } catch (RuntimeException e) {
            // Jena's JSON parser fails on truncated input ("{\"url\": ") with a NullPointerException.
            throw new KgException(meta + ": malformed sidecar JSON (incomplete or unparsable)", e);
        }
        if (!v.isObject()) {
            throw new KgException(meta + ": malformed sidecar (expected a JSON object)");
        }
        JsonObject obj = v.getAsObject();
        String url = optionalString(meta, obj, "url");
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            throw new KgException(meta + ": \"url\" is not an http(s) URL: " + url);
        }
        String published = optionalString(meta, obj, "published");
        LocalDate date = null;
        if (published != null) {
            try {
                date = LocalDate.parse(published.length() > 10 ? published.substring(0, 10) : published);
            } catch (DateTimeParseException e) {
                throw new KgException(meta + ": \"published\" is not a date YYYY-MM-DD: " + published);
            }
        }
        return new Sidecar(url, date, optionalString(meta, obj, "source"));
    }

    private static String optionalString(Path meta, JsonObject obj, String key) {
        JsonValue v = obj.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new KgException(meta + ": \"" + key + "\" must be a string or null, not " + oneLine(v.toString()));
        }
        String s = v.getAsString().value().strip();
        return s.isEmpty() ? null : s;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
