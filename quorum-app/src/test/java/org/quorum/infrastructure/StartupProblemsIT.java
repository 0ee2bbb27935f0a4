package org.quorum.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quorum.support.OwnApplication;
import org.quorum.support.StandaloneQuorum;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Misconfiguration at startup ends in one message naming the setting; an absent Kafka only degrades. */
@OwnApplication
@ExtendWith(OutputCaptureExtension.class)
class StartupProblemsIT {

    @TempDir
    Path dataDir;

    @Test
    void takenEmbeddedDatabasePortFailsNamingTheSetting(CapturedOutput output) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> StandaloneQuorum.startDemo(dataDir, "quorum.embedded.postgres.port=" + port))
                    .isInstanceOf(RuntimeException.class);
            assertThat(output).contains("embedded PostgreSQL cannot listen on 127.0.0.1:" + port)
                    .contains("set quorum.embedded.postgres.port to another port");
        }
    }

    @Test
    void unreachableDatabaseFailsNamingTheSettings(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/quorum";
        assertThatThrownBy(() -> StandaloneQuorum.startDemo(dataDir, "spring.datasource.url=" + url,
                "spring.datasource.hikari.initialization-fail-timeout=1", "quorum.embedded.kafka.enabled=false",
                "spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort))
                .isInstanceOf(RuntimeException.class);
        assertThat(output).contains("Quorum could not connect to its database (" + url + ")")
                .contains("Check SPRING_DATASOURCE_URL");
    }

    @Test
    void anInvalidHolidayCalendarStopsStartupNamingTheFileAndTheLine(CapturedOutput output) throws IOException {
        Path holidays = Files.writeString(dataDir.resolve("holidays.ics"), String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Quorum//Test//EN", "BEGIN:VEVENT",
                "UID:broken@quorum.example", "DTSTART;VALUE=DATE:20260721", "END:VCALENDAR", ""));
        assertThatThrownBy(() -> StandaloneQuorum.startDemo(dataDir.resolve("data"),
                "quorum.calendar.holidays=file:" + holidays))
                .isInstanceOf(RuntimeException.class);
        assertThat(output).contains("The holiday calendar").contains(holidays.toString())
                .contains("is not valid iCalendar at line 7").contains("Expected [VEVENT], read [VCALENDAR]")
                .contains("point quorum.calendar.holidays to a valid iCalendar file");
    }

    @Test
    void withoutDemoProfileAnAdministratorPasswordIsRequired(CapturedOutput output) {
        assertThatThrownBy(() -> StandaloneQuorum.start(dataDir, List.of()))
                .isInstanceOf(RuntimeException.class);
        assertThat(output).contains("No administrator password is set").contains("QUORUM_ADMIN_PASSWORD");
    }

    @Test
    void unreachableKafkaLeavesTheApplicationRunningWithAHealthWarning() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext app = StandaloneQuorum.start(dataDir, List.of(),
                "quorum.admin.password=S3cret-Keeper!7", "spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            ResponseEntity<JsonNode> health = new TestRestTemplate("admin", "S3cret-Keeper!7")
                    .getForEntity("http://127.0.0.1:" + port + "/actuator/health", JsonNode.class);

            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(health.getBody().path("status").asText()).isEqualTo("WARNING");
            assertThat(health.getBody().path("components").path("kafka").path("status").asText())
                    .isEqualTo("WARNING");
            assertThat(health.getBody().path("components").path("db").path("status").asText()).isEqualTo("UP");
            assertThat(new TestRestTemplate("admin", "S3cret-Keeper!7").getForEntity(
                    "http://127.0.0.1:" + port + "/engine-rest/task?maxResults=50", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
    }
}
