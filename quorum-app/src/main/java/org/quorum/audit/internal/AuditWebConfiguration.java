package org.quorum.audit.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The audit API's access filter (on {@code /api/audit/*} only), the security headers of the audit page and API,
 * and the scheduling of chain cleanup.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditWebConfiguration {

    /**
     * The page loads only its own bundle, styles and fonts and calls only its own origin; no page may frame it
     * (clickjacking), and nothing on it may post elsewhere. Styles allow inline: bpmn-js styles the diagram's SVG
     * elements with style attributes. Scripts do not: the bundle is one file, and the page has no inline script.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    FilterRegistrationBean<AuditAccessFilter> auditAccessFilter(IdentityService identity, ProcessEngine engine) {
        var registration = new FilterRegistrationBean<>(new AuditAccessFilter(identity, engine.getName()));
        registration.setName("quorum-audit-access");
        registration.addUrlPatterns("/api/audit/*");
        return registration;
    }

    /** First in the chain, so that refusals (401, 403) and errors carry the headers too. */
    @Bean
    FilterRegistrationBean<SecurityHeaders> auditSecurityHeaders() {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setName("quorum-audit-security-headers");
        registration.addUrlPatterns("/audit", "/audit/*", "/api/audit/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class SecurityHeaders extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            // For browsers that predate frame-ancestors.
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            chain.doFilter(request, response);
        }
    }
}
