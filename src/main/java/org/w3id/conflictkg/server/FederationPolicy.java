package org.w3id.conflictkg.server;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.bulk.ChainingServiceExecutorBulk;
import org.apache.jena.sparql.service.bulk.ServiceExecutorBulk;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;

/**
 * Lets {@code SERVICE} reach only the SPARQL endpoints on an allow-list, each call with its own time limit; any other
 * target is refused before a connection is made, so a public endpoint cannot be used to probe the operator's network.
 */
public final class FederationPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(FederationPolicy.class);
    /** Wikidata's query service: on the allow-list unless the operator leaves it out. */
    public static final String WIKIDATA = "https://query.wikidata.org/sparql";
    /** How long one remote call may take when nothing else is said. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Marks a context whose SERVICE calls are already governed by a policy. */
    private static final Symbol INSTALLED = Symbol.create("urn:conflictkg:federationPolicy");

    private final Set<String> allowed;

    private FederationPolicy(Set<String> allowed) {
        this.allowed = allowed;
    }

    /**
     * Governs SERVICE for every query over a dataset with this context: only {@code endpoints} (http or https
     * URLs) are called, each call ends after {@code timeout}, and redirects are not followed (a listed endpoint
     * could otherwise send the call on to an unlisted address).
     */
    public static void install(Context context, Collection<String> endpoints, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new KgException("--service-timeout " + (timeout == null ? "null" : timeout.toMillis() / 1000.0)
                    + ": must be more than 0 seconds");
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (String e : endpoints) {
            allowed.add(normalize(e));
        }
        FederationPolicy policy = new FederationPolicy(Set.copyOf(allowed));
        // A copy of the global registry with the gate in front: the global one, which other code in this JVM may
        // use (a test's own client, say), is left as it is.
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.get().copy();
        registry.addBulkLink(policy.new BulkGate());
        registry.addSingleLink(policy.new SingleGate());
        ServiceExecutorRegistry.set(context, registry);
        context.set(ARQ.httpQueryTimeout, timeout.toMillis());
        context.set(ARQ.httpQueryClient, HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        context.set(INSTALLED, policy);
        LOG.info("SERVICE allowed to {} (time limit {} ms per call)", allowed.isEmpty() ? "no endpoint" : allowed,
                timeout.toMillis());
    }

    /** Installs the default policy (Wikidata only, 10 s) unless the context already has one: SERVICE is never open. */
    public static void ensureInstalled(Context context) {
        if (!context.isDefined(INSTALLED)) {
            install(context, List.of(WIKIDATA), DEFAULT_TIMEOUT);
        }
    }

    /** The endpoints allowed in this context, or an empty set when no policy is installed. */
    public static Set<String> allowed(Context context) {
        Object p = context.get(INSTALLED);
        return p instanceof FederationPolicy fp ? fp.allowed : Set.of();
    }

    /** Reads an allow-list file: one endpoint URL per line; blank lines and text after {@code #} are ignored. */
    public static List<String> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KgException(file + ": cannot read the federation allow-list (" + e.getMessage() + ")");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String url = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (url.isEmpty()) {
                continue;
            }
            try {
                out.add(normalize(url));
            } catch (KgException e) {
                throw new KgException(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * The form endpoints are compared in: scheme and host in lower case, the default port dropped, path and query as
     * written. Anything but an absolute http or https URL is refused.
     */
    static String normalize(String url) {
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new KgException(url + ": not a URL (" + e.getReason() + ")");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new KgException(url + ": a federated endpoint must be an http or https URL");
        }
        if (u.getHost() == null || u.getRawUserInfo() != null || u.getRawFragment() != null) {
            throw new KgException(url + ": a federated endpoint must be http(s)://host[:port]/path, without user or #");
        }
        int port = u.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https")
                && port == 443);
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** Throws unless the service node is a listed endpoint; a variable is left to the per-binding check. */
    private void check(Node service, boolean variableAllowed) {
        if (service.isVariable() && variableAllowed) {
            return;
        }
        if (!service.isURI()) {
            throw refusal(service.toString(), "the endpoint must be an IRI");
        }
        String iri = service.getURI();
        String key;
        try {
            key = normalize(iri);
        } catch (KgException e) {
            throw refusal(iri, "only http(s) SPARQL endpoints can be federated");
        }
        if (!allowed.contains(key)) {
            throw refusal(iri, "not on this server's federation allow-list (" + (allowed.isEmpty() ? "empty"
                    : String.join(", ", allowed)) + "); the operator can add it with --federate");
        }
    }

    private static QueryDeniedException refusal(String target, String reason) {
        LOG.warn("SERVICE <{}> refused: {}", target, reason);
        return new QueryDeniedException("SERVICE <" + target + ">: refused, " + reason);
    }

    /** Checks a constant endpoint once, before any row is read. */
    private final class BulkGate implements ChainingServiceExecutorBulk {
        @Override
        public QueryIterator createExecution(OpService op, QueryIterator input, ExecutionContext cxt,
                ServiceExecutorBulk chain) {
            check(op.getService(), true);
            return chain.createExecution(op, input, cxt);
        }
    }

    /** Checks each endpoint after the row's values are put in, so {@code SERVICE ?endpoint} is covered too. */
    private final class SingleGate implements ChainingServiceExecutor {
        @Override
        public QueryIterator createExecution(OpService opExecute, OpService original, Binding binding,
                ExecutionContext cxt, ServiceExecutor chain) {
            check(opExecute.getService(), false);
            return chain.createExecution(opExecute, original, binding, cxt);
        }
    }
}
