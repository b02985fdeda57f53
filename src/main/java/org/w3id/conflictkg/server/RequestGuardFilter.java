package org.w3id.conflictkg.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards every request: refuses bodies over the size limit with 413 (and bodies of unknown length with 411) before
 * anything reads them, and turns any exception that escapes a servlet into a plain 500 with no stack trace.
 */
final class RequestGuardFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuardFilter.class);
    private final long maxRequestBytes;

    RequestGuardFilter(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)) {
            chain.doFilter(request, response);
            return;
        }
        if (maxRequestBytes > 0) {
            long length = req.getContentLengthLong();
            if (length > maxRequestBytes) {
                refuse(resp, 413, "request body of " + length + " bytes is over the limit of " + maxRequestBytes
                        + " bytes (serve --max-request-bytes)");
                return;
            }
            // Chunked bodies have no length to check up front: ask for one rather than read an unbounded stream.
            if (length < 0 && req.getHeader("Transfer-Encoding") != null) {
                refuse(resp, 411, "send the request body with a Content-Length (limit " + maxRequestBytes
                        + " bytes)");
                return;
            }
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // The client gets a plain line; the stack trace stays in the server log, where it is a bug to report.
            LOG.error("{} {}: {}", req.getMethod(), req.getRequestURI(), e.toString(), e);
            if (!resp.isCommitted()) {
                resp.reset();
                refuse(resp, 500, "internal error; the server log has the details");
            }
        }
    }

    private static void refuse(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setHeader("Connection", "close");
        resp.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
