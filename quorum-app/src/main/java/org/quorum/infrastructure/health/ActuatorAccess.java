package org.quorum.infrastructure.health;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.quorum.infrastructure.web.CamundaCredentials;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read the actuator endpoints on the application's port. The health status and the liveness and readiness
 * probes are for anyone (a load balancer, a process supervisor, Kubernetes); health details (versions, hosts,
 * errors) and the metrics are for administrators: Camunda users in {@code camunda-admin}, signing in with HTTP
 * Basic as on {@code /engine-rest}. The administrator is handed to the actuator as the request's principal with
 * their groups as roles, which is what {@code management.endpoint.health.show-details: when-authorized} and its
 * {@code roles} look at. Spring Security is not used, for the reason given in {@code ApiAuthentication}.
 * <p>
 * With {@code management.server.port} set, the actuator moves to that port, where this filter does not run: the
 * operator has chosen a port to keep off the users' network (see the README).
 */
@Configuration(proxyBeanMethods = false)
class ActuatorAccess {

    static final Set<String> ANONYMOUS = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness");

    @Bean
    FilterRegistrationBean<AdministratorsOnly> actuatorAccessFilter(IdentityService identity) {
        var registration = new FilterRegistrationBean<>(new AdministratorsOnly(new CamundaCredentials(identity)));
        registration.setName("quorum-actuator-access");
        registration.addUrlPatterns("/actuator", "/actuator/*");
        return registration;
    }

    static final class AdministratorsOnly extends OncePerRequestFilter {

        private final CamundaCredentials credentials;

        AdministratorsOnly(CamundaCredentials credentials) {
            this.credentials = credentials;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean anonymousAllowed = ANONYMOUS.contains(stripTrailingSlash(path));
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (anonymousAllowed && !CamundaCredentials.isBasic(header)) {
                chain.doFilter(request, response);
                return;
            }
            String userId = credentials.basicUser(header);
            if (userId == null) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Quorum\"");
                CamundaCredentials.refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                        "Sign in with HTTP Basic as a Quorum administrator (group camunda-admin)");
                return;
            }
            List<String> groups = credentials.groupsOf(userId);
            if (!anonymousAllowed && !groups.contains(Groups.CAMUNDA_ADMIN)) {
                CamundaCredentials.refuse(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                        "Only administrators (group camunda-admin) may read this endpoint");
                return;
            }
            chain.doFilter(new SignedIn(request, userId, groups), response);
        }

        private static String stripTrailingSlash(String path) {
            return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
    }

    /** The request as the actuator sees it: signed in, with the user's Camunda groups as roles. */
    private static final class SignedIn extends HttpServletRequestWrapper {

        private final String userId;
        private final List<String> groups;

        SignedIn(HttpServletRequest request, String userId, List<String> groups) {
            super(request);
            this.userId = userId;
            this.groups = groups;
        }

        @Override
        public Principal getUserPrincipal() {
            return () -> userId;
        }

        @Override
        public String getRemoteUser() {
            return userId;
        }

        @Override
        public boolean isUserInRole(String role) {
            return groups.contains(role);
        }
    }
}
