package org.quorum.infrastructure.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
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
        private final CamundaCredentials credentials;

        BasicAuthenticationFilter(IdentityService identity) {
            this.identity = identity;
            this.credentials = new CamundaCredentials(identity);
        }

        /** The audit API has its own access filter: process owners only, and it also accepts a Cockpit session. */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getRequestURI().startsWith(request.getContextPath() + "/api/audit/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String userId = credentials.basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (userId == null) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Quorum\"");
                CamundaCredentials.refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                        "Sign in with HTTP Basic using a Quorum (Camunda) user and password");
                return;
            }
            identity.setAuthentication(userId, credentials.groupsOf(userId));
            try {
                chain.doFilter(request, response);
            } finally {
                identity.clearAuthentication();
            }
        }
    }
}
