package org.quorum.audit.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The audit API's access filter (on {@code /api/audit/*} only) and the scheduling of chain cleanup. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditWebConfiguration {

    @Bean
    FilterRegistrationBean<AuditAccessFilter> auditAccessFilter(IdentityService identity, ProcessEngine engine) {
        var registration = new FilterRegistrationBean<>(new AuditAccessFilter(identity, engine.getName()));
        registration.setName("quorum-audit-access");
        registration.addUrlPatterns("/api/audit/*");
        return registration;
    }
}
