package org.w3id.conflictkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.store.KgStore;
import org.w3id.conflictkg.store.Spatial;

/**
 * Embedded Fuseki over a store: dataset {@code /conflict} with a read-only SPARQL endpoint and graph store access,
 * the query page at {@code /}, the saved queries at {@code /api/queries}, the ontology at {@code /ontology};
 * SPARQL Update only when asked for, and then only with HTTP basic authentication.
 */
public final class KgServer {
    private static final Logger LOG = LoggerFactory.getLogger(KgServer.class);
    public static final String DATASET = "/conflict";

    /** Default largest request body: far above any hand-written query, far below what would strain memory. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    /** Default cap on result rows (0 = none): above every saved query's answer, below a dump of the store. */
    public static final long DEFAULT_MAX_RESULTS = 100_000;

    /**
     * How to run: where to listen, the query time limit, the optional update password file, the saved queries, the
     * base URL our w3id IRIs map to in links (null: each request's own host and port), the largest request body
     * accepted and the cap on result rows (each 0 = none).
     */
    public record Settings(String host, int port, long timeoutMillis, Path passwordFile, Path queriesFolder,
            String base, long maxRequestBytes, long maxResults) {
        public Settings(String host, int port, long timeoutMillis, Path passwordFile, Path queriesFolder) {
            this(host, port, timeoutMillis, passwordFile, queriesFolder, null);
        }

        public Settings(String host, int port, long timeoutMillis, Path passwordFile, Path queriesFolder,
                String base) {
            this(host, port, timeoutMillis, passwordFile, queriesFolder, base, DEFAULT_MAX_REQUEST_BYTES,
                    DEFAULT_MAX_RESULTS);
        }
    }

    private final FusekiServer fuseki;

    private KgServer(FusekiServer fuseki) {
        this.fuseki = fuseki;
    }

    /** Builds and starts the server; port 0 picks a free port (see {@link #port()}). */
    public static KgServer start(KgStore store, Settings s) {
        Spatial.init();
        if (s.port() < 0 || s.port() > 65535) {
            throw new KgException("--port " + s.port() + ": not a port number (0-65535)");
        }
        if (s.maxRequestBytes() < 0 || s.maxResults() < 0) {
            throw new KgException("--max-request-bytes " + s.maxRequestBytes() + ", --max-results " + s.maxResults()
                    + ": limits must be 0 (none) or more");
        }
        if (s.timeoutMillis() > 0) {
            // Fuseki reads the time limit from the dataset's context: runaway queries end with an error.
            store.dataset().getContext().set(ARQ.queryTimeout, Long.toString(s.timeoutMillis()));
        }
        // SERVICE only to allow-listed endpoints, even when the caller installed no policy of its own.
        FederationPolicy.ensureInstalled(store.dataset().getContext());
        boolean loopback = s.host() == null || s.host().equals("127.0.0.1") || s.host().equals("localhost");
        FusekiServer.Builder b = FusekiServer.create()
                .port(s.port())
                .loopback(loopback)
                .enableCors(true, null)
                .add(DATASET, store.dataset(), false)
                .registerOperation(Operation.Query, new ResultLimitedQuery(s.maxResults()))
                .addFilter("/*", new RequestGuardFilter(s.maxRequestBytes()))
                .addServlet("/api/queries", new QueriesServlet(SavedQueries.load(s.queriesFolder())))
                .addServlet("/ontology", new OntologyServlet())
                .addServlet("/*", new StaticResourceServlet("/ui"));
        LinkedDataEndpoints.register(b, store, s.base());
        if (s.passwordFile() != null) {
            List<String> users = readUsers(s.passwordFile());
            b.passwordFile(s.passwordFile().toString())
                    .auth(AuthScheme.BASIC)
                    .addEndpoint(DATASET, "update", Operation.Update, Auth.policyAllowSpecific(users));
        }
        FusekiServer server = b.build();
        if (!loopback && !s.host().equals("0.0.0.0")) {
            for (Connector c : server.getJettyServer().getConnectors()) {
                if (c instanceof ServerConnector sc) {
                    sc.setHost(s.host());
                }
            }
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new KgException((s.host() == null ? "127.0.0.1" : s.host()) + ":" + s.port()
                    + ": cannot listen (" + e.getMessage() + "); is the port in use? try --port", e);
        }
        LOG.info("serving {} at http://{}:{}/ (SPARQL: {}{}/sparql)", store, loopback ? "127.0.0.1" : s.host(),
                server.getPort(), server.serverURL().replaceAll("/$", ""), DATASET);
        return new KgServer(server);
    }

    /** The users of a Jetty realm password file ({@code user: password} lines); the passwords are not kept. */
    static List<String> readUsers(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new KgException(file + ": cannot read the password file (" + e.getMessage() + ")");
        }
        List<String> users = new ArrayList<>(p.stringPropertyNames());
        if (users.isEmpty()) {
            throw new KgException(file + ": no users in the password file (expected lines `user: password`)");
        }
        return users;
    }

    public int port() {
        return fuseki.getPort();
    }

    public String sparqlUrl() {
        return "http://127.0.0.1:" + port() + DATASET + "/sparql";
    }

    public void join() {
        fuseki.join();
    }

    public void stop() {
        // Jetty's password-file watcher outlives the server unless stopped itself, and then logs a stack trace every
        // second once the file is gone (a test's temporary folder, a rotated secret).
        for (UserStore users : fuseki.getJettyServer().getContainedBeans(UserStore.class)) {
            LifeCycle.stop(users);
        }
        fuseki.stop();
    }

    /** The saved queries as JSON: name, title, query. */
    static final class QueriesServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final String json;

        QueriesServlet(List<SavedQueries.Saved> queries) {
            JsonArray a = new JsonArray();
            for (SavedQueries.Saved q : queries) {
                JsonObject o = new JsonObject();
                o.put("name", q.name());
                o.put("title", q.title());
                o.put("query", q.query());
                a.add(o);
            }
            this.json = a.toString();
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("application/json; charset=utf-8");
            resp.setHeader("Access-Control-Allow-Origin", "*");
            resp.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The ontology as Turtle. */
    static final class OntologyServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try (InputStream in = OntologyServlet.class.getResourceAsStream("/ontology/conflict-kg.ttl")) {
                if (in == null) {
                    resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                resp.setContentType("text/turtle; charset=utf-8");
                in.transferTo(resp.getOutputStream());
            }
        }
    }
}
