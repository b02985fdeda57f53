package org.w3id.conflictkg.server;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;

/**
 * Fuseki's SPARQL query handler with a cap on result rows: a SELECT, CONSTRUCT or DESCRIBE without a LIMIT, or with
 * a larger one, runs with LIMIT set to the cap, and the response says so in a {@value #HEADER} header.
 */
final class ResultLimitedQuery extends SPARQL_QueryDataset {
    /** Response header present when the cap lowered a query's LIMIT; its value is the cap. */
    static final String HEADER = "ConflictKG-Result-Limit";
    private final long maxResults;

    ResultLimitedQuery(long maxResults) {
        this.maxResults = maxResults;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        boolean rows = query.isSelectType() || query.isConstructType() || query.isDescribeType();
        if (maxResults > 0 && rows && (!query.hasLimit() || query.getLimit() > maxResults)) {
            query.setLimit(maxResults);
            action.getResponse().setHeader(HEADER, Long.toString(maxResults));
        }
    }
}
