package org.w3id.conflictkg.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.KgException;

class ReportReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path writeBytes(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Reads a file expected to be rejected; checks the message names the file, gives the reason, fits one line. */
    private static void assertRejected(ReportReader reader, Path file, String namedFile, String reason) {
        KgException e = assertThrows(KgException.class, () -> reader.read(file));
        String msg = e.getMessage();
        assertTrue(msg.contains(namedFile), () -> "message does not name " + namedFile + ": " + msg);
        assertTrue(msg.contains(reason), () -> "message does not say '" + reason + "': " + msg);
        assertFalse(msg.contains("\n") || msg.contains("\r"), () -> "message is not one line: " + msg);
    }

    private static void assertRejected(Path file, String reason) {
        assertRejected(new ReportReader(), file, file.getFileName().toString(), reason);
    }

    private void assertSidecarRejected(String sidecarJson, String reason) throws IOException {
        Path report = write("strike.txt", "Drone strike on a depot\n\nA depot burned after the strike.\n");
        write("strike.meta.json", sidecarJson);
        assertRejected(new ReportReader(), report, "strike.meta.json", reason);
    }

    @Test
    void reportWithSidecarTakesTitleFromFirstLineAndMetadataFromSidecar() throws IOException {
        String text = "Drones hit a grain terminal near the river\n\nKYIV, March 3, 2025 — Two drones hit a terminal.\n";
        Path report = write("terminal.txt", text);
        write("terminal.meta.json", "{\"url\": \"https://news.example.org/terminal\", \"published\": \"2024-11-26\","
                + " \"source\": \"Example News\"}");

        Report r = new ReportReader().read(report);

        assertEquals("terminal.txt", r.sourceFile());
        assertEquals("Drones hit a grain terminal near the river", r.title());
        assertEquals(LocalDate.of(2024, 11, 26), r.issued(), "the sidecar date wins over the dateline");
        assertEquals("https://news.example.org/terminal", r.url());
        assertEquals("Example News", r.outlet());
        assertEquals(text, r.text());
        assertTrue(r.contentHash().matches("[0-9a-f]{64}"), r.contentHash());
    }

    @Test
    void sidecarPublishedTimestampKeepsItsDate() throws IOException {
        Path report = write("stamp.txt", "Shelling in the south\n\nThe district was shelled.\n");
        write("stamp.meta.json", "{\"published\": \"2024-11-26T08:30:00Z\"}");

        assertEquals(LocalDate.of(2024, 11, 26), new ReportReader().read(report).issued());
    }

    @Test
    void withoutSidecarTheDatelineGivesTheIssuedDate() throws IOException {
        Path report = write("dateline.txt",
                "Evacuation continues in the east\nKYIV, March 3, 2025 — Officials said buses left the town.\n");

        Report r = new ReportReader().read(report);

        assertEquals(LocalDate.of(2025, 3, 3), r.issued());
        assertEquals("Evacuation continues in the east", r.title());
        assertNull(r.url());
        assertNull(r.outlet());
    }

    @Test
    void withoutSidecarOrDateTheIssuedDateIsNull() throws IOException {
        Path report = write("undated.txt", "Air raid alert in the north\n\nSirens sounded across the region.\n");

        assertNull(new ReportReader().read(report).issued());
    }

    @Test
    void byteOrderMarkAndCarriageReturnsAreNotPartOfTheTitle() throws IOException {
        Path report = write("bom.txt", "\uFEFFBridge damaged\r\n\r\nThe bridge was damaged.\r\n");

        Report r = new ReportReader().read(report);

        assertEquals("Bridge damaged", r.title());
        assertFalse(r.text().contains("\r"));
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        assertRejected(writeBytes("empty.txt", new byte[0]), "empty");
    }

    @Test
    void whitespaceOnlyFileIsRejected() throws IOException {
        assertRejected(write("blank.txt", "  \n\t\n   \r\n"), "empty");
    }

    @Test
    void pngRenamedToTxtIsRejectedAsNotText() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0x00, 0x00, 0x00, 0x0D, 'I', 'H', 'D', 'R'};
        assertRejected(writeBytes("picture.txt", png), "not a text file");
    }

    @Test
    void zipRenamedToTxtIsRejectedAsNotText() throws IOException {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 'a', 'b', 'c'};
        assertRejected(writeBytes("archive.txt", zip), "not a text file");
    }

    @Test
    void invalidUtf8IsRejected() throws IOException {
        byte[] bytes = {'S', 'h', 'e', 'l', 'l', 'i', 'n', 'g', ' ', (byte) 0xC3, 0x28, ' ', 'o', 'k', '\n'};
        assertRejected(writeBytes("latin.txt", bytes), "UTF-8");
    }

    @Test
    void fileOverTheSizeLimitIsRejected() throws IOException {
        byte[] big = new byte[2000];
        Arrays.fill(big, (byte) 'a');
        Path report = writeBytes("huge.txt", big);

        assertRejected(new ReportReader(1000), report, "huge.txt", "too large");
    }

    @Test
    void missingFileIsRejected() {
        assertRejected(dir.resolve("absent.txt"), "no such file");
    }

    @Test
    void truncatedSidecarIsRejectedAsMalformed() throws IOException {
        assertSidecarRejected("{\"url\": ", "malformed");
    }

    @Test
    void sidecarThatIsNotAnObjectIsRejectedAsMalformed() throws IOException {
        assertSidecarRejected("[\"https://news.example.org/a\"]", "malformed");
    }

    @Test
    void sidecarPublishedNumberIsRejected() throws IOException {
        assertSidecarRejected("{\"published\": 2024}", "must be a string");
    }

    @Test
    void sidecarUrlNumberIsRejected() throws IOException {
        assertSidecarRejected("{\"url\": 5}", "must be a string");
    }

    @Test
    void sidecarNestedObjectIsRejectedOnOneLine() throws IOException {
        assertSidecarRejected("{\"source\": {\n  \"name\": \"Example News\",\n  \"country\": \"UA\"\n}}",
                "must be a string");
    }

    @Test
    void sidecarPublishedThatIsNotADateIsRejected() throws IOException {
        assertSidecarRejected("{\"published\": \"last Tuesday\"}", "not a date");
    }

    @Test
    void sidecarPublishedImpossibleDateIsRejected() throws IOException {
        assertSidecarRejected("{\"published\": \"2024-13-45\"}", "not a date");
    }

    @Test
    void sidecarUrlThatIsNotHttpIsRejected() throws IOException {
        assertSidecarRejected("{\"url\": \"ftp://news.example.org/a\"}", "not an http(s) URL");
    }
}
