package org.w3id.conflictkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The saved queries shipped in the jar (from queries/): name, the question it answers, and the text. */
public final class SavedQueries {
    /** One saved query; the title is its first comment line. */
    public record Saved(String name, String title, String query) {
    }

    private SavedQueries() {
    }

    /** Reads the saved queries from a folder when given (a user's own), else from the jar. */
    public static List<Saved> load(Path folder) {
        try {
            if (folder != null) {
                return readFolder(folder);
            }
            URL url = SavedQueries.class.getResource("/queries");
            if (url == null) {
                return List.of();
            }
            if ("jar".equals(url.getProtocol())) {
                try (FileSystem fs = jarFileSystem(url)) {
                    return readFolder(fs.getPath("/queries"));
                }
            }
            return readFolder(Path.of(url.toURI()));
        } catch (IOException | URISyntaxException e) {
            return List.of();
        }
    }

    private static FileSystem jarFileSystem(URL url) throws IOException, URISyntaxException {
        try {
            FileSystems.getFileSystem(url.toURI()).close();
        } catch (FileSystemNotFoundException e) {
            // not open yet: the usual case
        }
        return FileSystems.newFileSystem(url.toURI(), Map.of());
    }

    private static List<Saved> readFolder(Path folder) throws IOException {
        List<Saved> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                String file = p.getFileName().toString();
                if (!file.endsWith(".rq")) {
                    continue;
                }
                String text;
                try (InputStream in = Files.newInputStream(p)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                out.add(new Saved(file.substring(0, file.length() - 3), title(text), text));
            }
        }
        return out;
    }

    static String title(String text) {
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("#")) {
                return t.replaceFirst("^#+\\s*", "");
            }
            if (!t.isEmpty()) {
                break;
            }
        }
        return "";
    }
}
