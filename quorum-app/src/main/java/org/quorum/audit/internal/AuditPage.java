package org.quorum.audit.internal;

import java.net.URI;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the audit page at {@code /audit/}. The page is bundled by the build's {@code frontend} profile (when
 * Node.js is installed) into {@code static/audit/}; a build without Node.js has no page, and says so here
 * instead of answering 404. The page holds no data: everything it shows comes from the authenticated API.
 */
@Controller
class AuditPage {

    private static final Resource PAGE = new ClassPathResource("static/audit/index.html");
    private static final String NOT_BUILT = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quorum audit</title></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
            <h1>Quorum audit</h1>
            <p>This copy of Quorum was built without Node.js, so the audit page was not bundled.
            Build it on a machine where <code>/usr/bin/node</code> exists (<code>mvn package</code> then runs
            <code>npm ci</code> and the page's build in <code>src/main/frontend</code>).</p>
            <p>The audit API works regardless: <code>/api/audit/process-instances</code> (see the README).</p>
            </body></html>""";

    @GetMapping("/audit")
    ResponseEntity<Void> redirect() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("audit/")).build();
    }

    @GetMapping("/audit/")
    ResponseEntity<?> page() {
        if (PAGE.exists()) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(PAGE);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(NOT_BUILT);
    }
}
