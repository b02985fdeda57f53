package org.w3id.conflictkg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.store.DatasetExporter;
import org.w3id.conflictkg.store.KgStore;

/** {@code backup}: writes a gzip N-Quads snapshot of a store, or of the dataset a running {@code serve} holds. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a snapshot of the store as gzip-compressed N-Quads (every named graph).",
            "The snapshot is read in one transaction, so it is the store at one moment even while a report is being "
                + "written; it goes to a temporary file that is moved over FILE.nq.gz only when complete.",
            "A store held by a running `serve` is locked to other processes: back it up through the server with "
                + "--url http://127.0.0.1:3030/conflict instead of --store.",
            "Load it back into a new store with `restore --store NEWDIR --from FILE.nq.gz`."})
final class BackupCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--store", paramLabel = "DIR", description = "The TDB2 store folder to back up.")
        Path store;

        @Option(names = "--url", paramLabel = "URL",
                description = "The dataset URL of a running serve, e.g. http://127.0.0.1:3030/conflict.")
        URI url;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE.nq.gz", description = "Where to write the snapshot.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!out.getFileName().toString().endsWith(".gz")) {
            throw new ParameterException(spec.commandLine(), "--out " + out
                    + ": a backup is gzip-compressed; name it FILE.nq.gz");
        }
        long quads;
        String from;
        if (source.store != null) {
            StoreFolders.requireExisting(source.store);
            from = source.store.toString();
            try (KgStore store = KgStore.open(source.store); AtomicOutput o = AtomicOutput.open(out)) {
                quads = DatasetExporter.write(store, DatasetExporter.Format.NQUADS, o.stream());
                o.commit();
            }
        } else {
            from = source.url.toString();
            quads = fromServer(source.url, out);
        }
        spec.commandLine().getErr().printf("backup of %s: %d quads, %s written to %s%n", from, quads,
                StoreFolders.human(size(out)), out);
        return 0;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Asks the server for its whole dataset as N-Quads (Fuseki reads it in one transaction too); returns the quads. */
    private static long fromServer(URI url, Path out) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new KgException("--url " + url + ": not the http(s) URL of a dataset, e.g. "
                    + "http://127.0.0.1:3030/conflict");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest req = HttpRequest.newBuilder(url).header("Accept", "application/n-quads").GET().build();
        HttpResponse<InputStream> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new KgException(url + ": cannot reach the server (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KgException(url + ": interrupted", e);
        }
        try (InputStream body = resp.body()) {
            String type = resp.headers().firstValue("Content-Type").orElse("");
            if (resp.statusCode() != 200 || !type.startsWith("application/n-quads")) {
                String text = new String(body.readNBytes(300), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
                throw new KgException(url + ": the server answered " + resp.statusCode() + " " + type
                        + " rather than N-Quads (is this the dataset URL, e.g. /conflict?) " + text);
            }
            try (AtomicOutput o = AtomicOutput.open(out)) {
                long lines = copyCountingLines(body, o.stream());
                o.commit();
                return lines;
            }
        } catch (IOException e) {
            throw new KgException(url + ": the download broke off (" + e.getMessage() + ")", e);
        }
    }

    /** Copies N-Quads, one quad a line, and returns the number of lines. */
    private static long copyCountingLines(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[1 << 16];
        long lines = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    lines++;
                }
            }
            out.write(buf, 0, n);
        }
        out.flush();
        return lines;
    }
}
