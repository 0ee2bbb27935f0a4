package org.quorum.audit.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.quorum.audit.AuditUser;
import org.quorum.identity.Groups;
import org.quorum.infrastructure.web.CamundaCredentials;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits to the audit API only members of {@code process-owners} and {@code camunda-admin}: 401 without valid
 * credentials, 403 for anyone else.
 * <p>
 * A caller proves who it is with HTTP Basic checked against Camunda's identity service (as {@code /engine-rest}
 * does), or with the session of Camunda's webapps: whoever is logged into Cockpit or Tasklist in the same browser
 * needs no second login. The API only reads (GET), so a session cookie sent by a forged cross-site request could
 * change nothing. Spring Security is not used: it would put its own filter chain in front of Camunda's webapps and
 * REST API, whose authentication must stay exactly as it is; this one filter covers {@code /api/audit/*} only.
 * <p>
 * For the request's duration the user is Camunda's authenticated user, so the engine's authorization checks apply
 * to what the audit API reads through the engine.
 */
class AuditAccessFilter extends OncePerRequestFilter {

    static final String USER_ATTRIBUTE = AuditUser.class.getName();
    private static final List<String> ADMITTED = List.of(Groups.PROCESS_OWNERS, Groups.CAMUNDA_ADMIN);

    private final IdentityService identity;
    private final CamundaCredentials credentials;
    private final String engineName;

    AuditAccessFilter(IdentityService identity, String engineName) {
        this.identity = identity;
        this.credentials = new CamundaCredentials(identity);
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String userId;
        if (CamundaCredentials.isBasic(header)) {
            userId = credentials.basicUser(header);
            if (userId == null) {
                refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                        "The user name or password is wrong.");
                return;
            }
        } else {
            userId = webappSessionUser(request.getSession(false));
        }
        if (userId == null) {
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Sign in with a Quorum (Camunda) user name and password: HTTP Basic, or log into Cockpit first.");
            return;
        }
        List<String> groups = credentials.groupsOf(userId);
        if (groups.stream().noneMatch(ADMITTED::contains)) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "User '" + userId
                    + "' is not a process owner. The audit is open to the groups process-owners and camunda-admin.");
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, new AuditUser(userId, groups));
        identity.setAuthentication(userId, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    private String webappSessionUser(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engineName);
        return authentication == null ? null : authentication.getIdentityId();
    }

    /**
     * The audit page sends {@code X-Requested-With} and shows its own login form; only other clients are asked
     * for Basic credentials, so that a browser does not pop up its own password dialog over the page.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title,
                               String detail) throws IOException {
        if (status == HttpServletResponse.SC_UNAUTHORIZED && request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Quorum audit\", charset=\"UTF-8\"");
        }
        CamundaCredentials.refuse(response, status, title, detail);
    }
}
