package org.quorum.infrastructure.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An exception of Quorum's API that no advice and no Spring resolver handled is Quorum's fault, not the caller's:
 * a 500 problem without the exception's text (it may carry SQL, driver or engine internals), with a reference
 * under which the log has the details.
 * <p>
 * A resolver after all others rather than an {@code @ExceptionHandler(Exception.class)}: advices of the same order
 * are tried in no guaranteed order, so a catch-all advice could answer before a feature's own (position rules).
 */
@Component
class UnexpectedApiErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedApiErrors.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("org.quorum") || response.isCommitted()) {
            return null;
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error in {} {} (reference {})", request.getMethod(), request.getRequestURI(),
                reference, e);
        try {
            response.reset();
            CamundaCredentials.refuse(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal error",
                    "Quorum could not complete the request. The server log has the details under reference "
                            + reference + ".");
        } catch (IOException written) {
            log.debug("Could not write the error response (reference {})", reference, written);
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
