package org.w3id.conflictkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/** The request guard on its own, with stand-in requests and responses: limits and the last-resort 500. */
class RequestGuardFilterTest {
    /** What the filter did to the response. */
    private static final class Captured {
        int status = 200;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final Map<String, String> headers = new HashMap<>();

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    private static HttpServletRequest request(long contentLength, String transferEncoding) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestGuardFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getContentLengthLong" -> contentLength;
                    case "getHeader" -> "Transfer-Encoding".equals(args[0]) ? transferEncoding : null;
                    case "getMethod" -> "POST";
                    case "getRequestURI" -> "/conflict/sparql";
                    default -> null;
                });
    }

    private static HttpServletResponse response(Captured c) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                c.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(RequestGuardFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> {
                        c.status = (Integer) args[0];
                        yield null;
                    }
                    case "setHeader", "setContentType" -> {
                        c.headers.put(args.length > 1 ? (String) args[0] : "Content-Type",
                                (String) args[args.length - 1]);
                        yield null;
                    }
                    case "getOutputStream" -> out;
                    case "isCommitted" -> false;
                    case "reset" -> {
                        c.body.reset();
                        yield null;
                    }
                    default -> null;
                });
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndNeverReachesFuseki() throws Exception {
        Captured c = new Captured();
        AtomicBoolean reached = new AtomicBoolean();
        new RequestGuardFilter(100).doFilter(request(101, null), response(c), (rq, rs) -> reached.set(true));
        assertEquals(413, c.status);
        assertFalse(reached.get());
        assertTrue(c.text().contains("101 bytes is over the limit of 100"), c.text());
    }

    @Test
    void aChunkedBodyIsRefusedWith411AndABodyWithinTheLimitPasses() throws Exception {
        Captured chunked = new Captured();
        new RequestGuardFilter(100).doFilter(request(-1, "chunked"), response(chunked), (rq, rs) -> { });
        assertEquals(411, chunked.status);
        Captured fine = new Captured();
        AtomicBoolean reached = new AtomicBoolean();
        new RequestGuardFilter(100).doFilter(request(100, null), response(fine), (rq, rs) -> reached.set(true));
        assertTrue(reached.get());
        assertEquals(200, fine.status);
        Captured unlimited = new Captured();
        new RequestGuardFilter(0).doFilter(request(10_000_000, null), response(unlimited), (rq, rs) -> { });
        assertEquals(200, unlimited.status);
    }

    @Test
    void anExceptionFromAServletBecomesAPlain500WithoutItsMessageOrStackTrace() throws Exception {
        Captured c = new Captured();
        new RequestGuardFilter(100).doFilter(request(0, null), response(c), (rq, rs) -> {
            throw new IllegalStateException("secret internals at /srv/store");
        });
        assertEquals(500, c.status);
        assertFalse(c.text().contains("secret") || c.text().contains("Exception") || c.text().contains("\tat "),
                c.text());
        assertTrue(c.text().startsWith("internal error"), c.text());
    }
}
