package org.quorum.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quorum.support.OwnApplication;
import org.quorum.support.StandaloneQuorum;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node says it is ready only once users can work on it: the first time the readiness probe (and the health
 * status) answers 200, the demo cast can sign in and the demo positions exist. The seed replay, which drives the
 * node through its own API, does not hold readiness back.
 */
@OwnApplication
@ExtendWith(OutputCaptureExtension.class)
class ReadinessIT {

    private static final String REPLAY_DONE = "Replay seed-2017 done";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    void readyOnlyOnceTheDemoCastAndPositionsExistAndBeforeTheSeedReplayEnds(CapturedOutput output)
            throws Exception {
        int port = freePort();
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
                StandaloneQuorum.startDemo(dataDir, "server.port=" + port, "quorum.replay=seed-2017"));
        try {
            boolean healthSeenUp = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline && !starting.isCompletedExceptionally()) {
                int health = status(port, "/actuator/health", false);
                if (health == 200 && !healthSeenUp) {
                    healthSeenUp = true;
                    assertUsersCanWork(port, "at the first 200 of /actuator/health");
                }
                if (status(port, "/actuator/health/readiness", false) == 200) {
                    assertUsersCanWork(port, "at the first 200 of /actuator/health/readiness");
                    assertThat(output.getAll()).as("ready before the seed replay ended").doesNotContain(REPLAY_DONE);
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(status(port, "/actuator/health/readiness", false)).isEqualTo(200);
            Awaitility.await("the seed replay, after readiness").atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(500)).until(() -> output.getAll().contains(REPLAY_DONE));
        } finally {
            starting.get(180, TimeUnit.SECONDS).close();
        }
    }

    private void assertUsersCanWork(int port, String when) throws Exception {
        assertThat(send(port, "/engine-rest/user/sg/profile", true)).as("demo signs in " + when).isEqualTo(200);
        assertThat(send(port, "/api/positions/SG", true)).as("the SG position " + when).isEqualTo(200);
    }

    private int status(int port, String path, boolean asDemo) throws InterruptedException {
        try {
            return send(port, path, asDemo);
        } catch (IOException notListeningYet) {
            return -1;
        }
    }

    private int send(int port, String path, boolean asDemo) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (asDemo) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
