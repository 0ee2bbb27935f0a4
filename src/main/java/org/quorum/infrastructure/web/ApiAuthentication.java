package org.quorum.infrastructure.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Quorum's own API ({@code /api/*}) authenticates like the engine's REST API: HTTP Basic against Camunda's
 * identity service, and for the rest of the request the engine sees that user and their groups, so Camunda's
 * authorization checks apply to whatever the API does through the engine. Spring Security is not used: it would
 * add a second user store and a second login beside Camunda's.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication {

    @Bean
    FilterRegistrationBean<BasicAuthenticationFilter> apiAuthenticationFilter(IdentityService identity) {
        var registration = new FilterRegistrationBean<>(new BasicAuthenticationFilter(identity));
        registration.setName("quorum-api-basic-auth");
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    static final class BasicAuthenticationFilter extends OncePerRequestFilter {

        private final IdentityService identity;

        BasicAuthenticationFilter(IdentityService identity) {
            this.identity = identity;
        }

        /** The audit API has its own access filter: process owners only, and it also accepts a Cockpit session. */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getRequestURI().startsWith(request.getContextPath() + "/api/audit/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String[] credentials = credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Quorum\"");
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"Sign in with HTTP Basic using a Quorum (Camunda) user and password\"}");
                return;
            }
            List<String> groups = identity.createGroupQuery().groupMember(credentials[0]).list().stream()
                    .map(Group::getId).toList();
            identity.setAuthentication(credentials[0], groups);
            try {
                chain.doFilter(request, response);
            } finally {
                identity.clearAuthentication();
            }
        }

        private static String[] credentials(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        }
    }
}
