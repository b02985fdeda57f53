package org.w3id.conflictkg.rdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

import org.w3id.conflictkg.extract.AgentKind;
import org.w3id.conflictkg.report.Report;

/** Mints the deterministic IRIs that make ingest idempotent: the same input always gets the same names. */
public final class Iris {
    private Iris() {
    }

    /** A report's IRI, from its url when known (the same article from two files is one report), else its text. */
    public static String report(Report r) {
        String basis = r.url() != null ? sha256(r.url()) : r.contentHash();
        return CKG.ID + "report/" + basis.substring(0, 20);
    }

    public static String place(String key) {
        return CKG.ID + "place/" + key;
    }

    public static String agent(AgentKind kind, String key) {
        return CKG.ID + switch (kind) {
            case PERSON -> "person/";
            case FORCE -> "force/";
            case ORGANISATION, COUNTRY -> "org/";
        } + key;
    }

    public static String event(String reportIri, int id) {
        return reportIri + "/event/" + id;
    }

    public static String claim(String reportIri, int id) {
        return reportIri + "/claim/" + id;
    }

    /** A readable IRI segment: lower case ASCII letters and digits joined by hyphens. */
    public static String slug(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        n = n.toLowerCase(Locale.ROOT).replaceAll("['’ʼ`]", "").replaceAll("[^\\p{L}\\p{N}]+", "-");
        return n.replaceAll("^-+|-+$", "");
    }

    /** SHA-256 of a string's UTF-8 bytes, in hex. */
    public static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
