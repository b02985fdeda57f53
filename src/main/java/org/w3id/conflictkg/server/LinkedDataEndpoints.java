package org.w3id.conflictkg.server;

import java.util.concurrent.Future;

import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.conflictkg.store.KgStore;

/**
 * Adds the linked-data side of the server to a Fuseki builder: dereferenceable IRIs under {@code /id/}, the VoID
 * description at {@code /.well-known/void} and the SPARQL service description.
 */
final class LinkedDataEndpoints {
    private LinkedDataEndpoints() {
    }

    /**
     * Registers the servlets and the filter; {@code base} (checked here) is the URL our w3id IRIs map to, or null
     * to use each request's own scheme, host and port. The counts for the descriptions are taken once, in the
     * background from now on.
     */
    static void register(FusekiServer.Builder b, KgStore store, String base) {
        String checked = RdfResponse.checkBase(base);
        Future<DatasetStatistics> stats = DatasetStatistics.computeInBackground(store);
        ServiceDescriptionFilter sd = new ServiceDescriptionFilter(stats,
                FederationPolicy.allowed(store.dataset().getContext()), checked);
        b.addServlet("/id/*", new DescribeServlet(new EntityDescriber(store), checked))
                .addServlet("/.well-known/void", new VoidServlet(stats, checked))
                .addFilter(KgServer.DATASET + "/sparql", sd)
                .addFilter(KgServer.DATASET + "/service-description", sd);
    }
}
