package org.quorum.infrastructure.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.quorum.infrastructure.camunda.QueryPages;
import org.springframework.http.MediaType;

/**
 * What Quorum's own API filters share: HTTP Basic credentials checked against Camunda's identity service (as
 * {@code /engine-rest} does), the user's groups, and a refusal written as an RFC 9457 problem.
 */
public final class CamundaCredentials {

    private final IdentityService identity;

    public CamundaCredentials(IdentityService identity) {
        this.identity = identity;
    }

    /** The user id when the header carries HTTP Basic credentials that Camunda accepts; otherwise null. */
    public String basicUser(String authorizationHeader) {
        if (!isBasic(authorizationHeader)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String userId = decoded.substring(0, colon);
        return identity.checkPassword(userId, decoded.substring(colon + 1)) ? userId : null;
    }

    public static boolean isBasic(String authorizationHeader) {
        return authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6);
    }

    public List<String> groupsOf(String userId) {
        return QueryPages.all(identity.createGroupQuery().groupMember(userId)).stream().map(Group::getId).toList();
    }

    /** Writes a refusal as {@code application/problem+json}. */
    public static void refuse(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
