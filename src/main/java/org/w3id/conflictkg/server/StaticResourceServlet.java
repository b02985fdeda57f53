package org.w3id.conflictkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Serves the query page and its assets from the jar's {@code /ui} folder, so the page works offline. */
final class StaticResourceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "json", "application/json", "ico", "image/x-icon", "woff2", "font/woff2", "woff", "font/woff",
            "map", "application/json");

    private final String base;

    StaticResourceServlet(String base) {
        this.base = base;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() != null ? req.getServletPath() + req.getPathInfo() : req.getServletPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            path = "/index.html";
        }
        if (path.contains("..")) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "bad path");
            return;
        }
        try (InputStream in = StaticResourceServlet.class.getResourceAsStream(base + path)) {
            if (in == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND, "not found: " + path);
                return;
            }
            String ext = path.substring(path.lastIndexOf('.') + 1);
            resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
            resp.setHeader("Cache-Control", "public, max-age=300");
            in.transferTo(resp.getOutputStream());
        }
    }
}
