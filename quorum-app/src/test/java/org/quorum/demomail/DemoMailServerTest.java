package org.quorum.demomail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quorum.infrastructure.startup.StartupProblem;

/** A taken port stops startup with the setting to change, as the embedded PostgreSQL and Kafka do. */
class DemoMailServerTest {

    @Test
    void aTakenPortStopsStartupNamingItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> DemoMailServer.start(new DemoMailProperties(true, taken.getLocalPort(), 0),
                    List.of())).isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("quorum.demo-mail.smtp-port"));
        }
    }
}
