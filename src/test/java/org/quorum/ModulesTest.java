package org.quorum;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(QuorumApplication.class);

    @Test
    void modulesUseEachOtherOnlyThroughTheirPublicApiAndFormNoCycle() {
        MODULES.verify();
    }
}
