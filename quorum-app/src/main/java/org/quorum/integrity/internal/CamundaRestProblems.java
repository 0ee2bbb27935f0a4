package org.quorum.integrity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.quorum.integrity.FormSubmissionRejected;
import org.quorum.integrity.RejectionScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST API ({@code /engine-rest}) and Tasklist's and Cockpit's engine API ({@code /camunda/api/engine})
 * answer errors with Camunda's own JSON ({@code type}, {@code message}); these answers become RFC 9457 problem
 * details like the rest of Quorum's errors:
 * <ul>
 * <li>a 4xx keeps Camunda's {@code type} and {@code message} (Tasklist shows {@code message}; other clients may
 * read {@code type}) and gains {@code title}, {@code status} and {@code detail};</li>
 * <li>a submission refused by the form check is a 400 naming each offending variable under {@code errors}, even
 * where Camunda's REST layer would have turned the engine's exception into a 500 (a start);</li>
 * <li>a 5xx loses its body (Camunda puts the exception's message there, which may carry SQL or driver text): the
 * client gets a generic problem with an id, and the original text is logged under that id.</li>
 * </ul>
 * A servlet filter is the one place both JAX-RS applications pass through (the webapp's engine API is not
 * configurable through the REST starter); it runs first so it also sees the authentication filters' refusals.
 * It belongs to the integrity module because the engine-side checks hand their refusals to it through
 * {@link RejectionScope}.
 */
@Configuration(proxyBeanMethods = false)
class CamundaRestProblems {

    @Bean
    FilterRegistrationBean<ProblemFilter> camundaRestProblemFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new ProblemFilter(json));
        registration.setName("camunda-rest-problems");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class ProblemFilter extends OncePerRequestFilter {

        private static final Logger LOG = LoggerFactory.getLogger(CamundaRestProblems.class);

        private final ObjectMapper json;

        ProblemFilter(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
            try (RejectionScope scope = RejectionScope.open()) {
                try {
                    chain.doFilter(request, wrapped);
                } catch (IOException | ServletException | RuntimeException e) {
                    String id = UUID.randomUUID().toString();
                    LOG.error("{} {} failed (error id {})", request.getMethod(), request.getRequestURI(), id, e);
                    write(wrapped, serverError(HttpStatus.INTERNAL_SERVER_ERROR.value(), id));
                    wrapped.copyBodyToResponse();
                    return;
                }
                int status = wrapped.getStatus();
                if (scope.rejection().isPresent()) {
                    write(wrapped, rejected(scope.rejection().get()));
                } else if (scope.refusal().isPresent()) {
                    RejectionScope.Refusal refusal = scope.refusal().get();
                    write(wrapped, problem(refusal.type(), refusal.status(), titleOf(refusal.status()),
                            refusal.message()));
                } else if (status >= 500) {
                    String id = UUID.randomUUID().toString();
                    LOG.error("{} {} answered {} (error id {}): {}", request.getMethod(), request.getRequestURI(),
                            status, id, new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8));
                    write(wrapped, serverError(status, id));
                } else if (status >= 400) {
                    write(wrapped, clientError(status, wrapped.getContentAsByteArray()));
                }
            }
            wrapped.copyBodyToResponse();
        }

        private Map<String, Object> rejected(FormSubmissionRejected rejected) {
            Map<String, Object> problem = problem(FormSubmissionRejected.class.getSimpleName(),
                    HttpStatus.BAD_REQUEST.value(), FormRejectionProblems.TITLE, rejected.getMessage());
            if (rejected.form() != null) {
                problem.put("form", rejected.form());
            }
            problem.put("errors", FormRejectionProblems.errors(rejected));
            return problem;
        }

        private Map<String, Object> clientError(int status, byte[] body) {
            String type = "about:blank";
            String message = HttpStatus.resolve(status) != null ? HttpStatus.resolve(status).getReasonPhrase()
                    : "Request refused";
            Map<String, Object> extra = new LinkedHashMap<>();
            try {
                JsonNode camunda = body.length == 0 ? null : json.readTree(body);
                if (camunda != null && camunda.isObject()) {
                    type = camunda.path("type").asText(type);
                    message = camunda.path("message").asText(message);
                    extra = json.convertValue(camunda, Map.class);
                }
            } catch (IOException notJson) {
                // keep the generic text: a body that is not Camunda's JSON is not passed on
            }
            Map<String, Object> problem = problem(type, status, titleOf(status), message);
            extra.forEach(problem::putIfAbsent);
            return problem;
        }

        private Map<String, Object> serverError(int status, String id) {
            String detail = "The server could not complete the request. It has been logged with error id " + id + ".";
            Map<String, Object> problem = problem("about:blank", status, titleOf(status), detail);
            problem.put("errorId", id);
            return problem;
        }

        private static Map<String, Object> problem(String type, int status, String title, String detail) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", type);
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", detail);
            problem.put("message", detail);
            return problem;
        }

        private static String titleOf(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            return known != null ? known.getReasonPhrase() : "Error";
        }

        private void write(ContentCachingResponseWrapper response, Map<String, Object> problem) throws IOException {
            response.resetBuffer();
            response.setStatus((Integer) problem.get("status"));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(problem));
        }
    }
}
