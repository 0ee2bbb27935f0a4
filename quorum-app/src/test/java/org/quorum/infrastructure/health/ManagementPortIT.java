package org.quorum.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorum.support.OwnApplication;
import org.quorum.support.StandaloneQuorum;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * With {@code management.server.port} set, the actuator moves to that port (bound here to 127.0.0.1, as the
 * README advises) and answers there without sign-in; the users' port serves none of it.
 */
@OwnApplication
class ManagementPortIT {

    @TempDir
    Path dataDir;

    @Test
    void aManagementPortOfItsOwnServesMetricsWithoutSignInAndTheUsersPortNone() throws IOException {
        int managementPort = freePort();
        try (ConfigurableApplicationContext node = StandaloneQuorum.startDemo(dataDir,
                "management.server.port=" + managementPort, "management.server.address=127.0.0.1")) {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            TestRestTemplate anonymous = new TestRestTemplate();
            String management = "http://127.0.0.1:" + managementPort;

            assertThat(anonymous.getForEntity(management + "/actuator/prometheus", String.class).getBody())
                    .contains("jvm_memory_used_bytes");
            assertThat(anonymous.getForEntity(management + "/actuator/health/readiness", JsonNode.class).getBody()
                    .path("status").asText()).isEqualTo("UP");
            assertThat(new TestRestTemplate("demo", "demo").getForEntity("http://127.0.0.1:" + port
                    + "/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
