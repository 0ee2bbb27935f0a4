package org.quorum.infrastructure.camunda;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.query.Query;

/**
 * Reads an engine query a page at a time. Quorum sets Camunda's {@code queryMaxResultsLimit}
 * ({@link QueryLimitCheck}), and then the engine refuses {@code list()} and pages above the limit whenever a user
 * is authenticated: Quorum's own code runs as the signed-in user when called from its API, from Tasklist or from a
 * listener of that user's task, so it never calls {@code list()} on an engine query.
 * <p>
 * Paging needs a total order: Camunda orders by id unless the query names an order of its own.
 */
public final class QueryPages {

    /** Well below the smallest limit Quorum accepts ({@link QueryLimitCheck#MINIMUM}). */
    public static final int PAGE_SIZE = 500;

    private QueryPages() {
    }

    /** Every result of the query. */
    public static <T> List<T> all(Query<?, T> query) {
        return first(query, Integer.MAX_VALUE);
    }

    /** At most {@code max} results, in the query's order. */
    public static <T> List<T> first(Query<?, T> query, int max) {
        List<T> results = new ArrayList<>();
        while (results.size() < max) {
            int wanted = Math.min(PAGE_SIZE, max - results.size());
            List<T> page = query.listPage(results.size(), wanted);
            results.addAll(page);
            if (page.size() < wanted) {
                break;
            }
        }
        return results;
    }
}
