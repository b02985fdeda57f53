package org.w3id.conflictkg.report;

import java.time.LocalDate;

/**
 * One news report as read from disk: the file name (no folders), its title (first line), the publication date and
 * url and outlet from its sidecar (or the date from the text), the full text and a SHA-256 of it.
 */
public record Report(String sourceFile, String title, LocalDate issued, String url, String outlet, String text,
                     String contentHash) {
}
