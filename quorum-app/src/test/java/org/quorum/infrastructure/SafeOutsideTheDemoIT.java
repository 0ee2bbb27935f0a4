package org.quorum.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quorum.support.OwnApplication;
import org.quorum.support.StandaloneQuorum;
import org.quorum.support.WebappSession;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A node started without the demo profile is safe by default: no demo password lets anyone in, passwords follow
 * Camunda's password policy, behind TLS the cookies are Secure, and there is no demo mail server. The demo keeps its
 * documented passwords.
 */
@OwnApplication
@ExtendWith(OutputCaptureExtension.class)
class SafeOutsideTheDemoIT {

    private static final String ADMIN_PASSWORD = "Tr4vel-Orders!9";
    private static final String NEW_PASSWORD = "Quiet-Harbour-42!";

    @TempDir
    Path dataDir;

    @Test
    void demoPasswordsLeftInPlaceStopANodeWithoutTheDemoProfileUntilChanged(CapturedOutput output) {
        try (ConfigurableApplicationContext demo = StandaloneQuorum.startDemo(dataDir)) {
            IdentityService identity = demo.getBean(IdentityService.class);
            for (String id : List.of("demo", "sg", "dsg", "vicechair", "commission", "council")) {
                changePassword(identity, id);
            }
        }

        assertThatThrownBy(() -> StandaloneQuorum.start(dataDir, List.of(),
                "quorum.admin.password=" + ADMIN_PASSWORD)).isInstanceOf(RuntimeException.class);
        assertThat(output).contains("These accounts of the demo cast still have their demo password (the user id): "
                + "officer, owner.").contains("SPRING_PROFILES_ACTIVE=demo");

        try (ConfigurableApplicationContext demo = StandaloneQuorum.startDemo(dataDir)) {
            List<Map<String, Object>> accounts = demo.getBean(JdbcTemplate.class).queryForList(
                    "select id_, attempts_, lock_exp_time_ from act_id_user where id_ in ('officer', 'owner')");
            assertThat(accounts).as("the check signed nobody in: no failed attempt, no lock").hasSize(2)
                    .allSatisfy(row -> {
                        assertThat(row.get("attempts_")).isIn(null, 0);
                        assertThat(row.get("lock_exp_time_")).isNull();
                    });
            TestRestTemplate officer = new TestRestTemplate("officer", "officer");
            assertThat(officer.getForEntity(url(demo, "/engine-rest/task?maxResults=1"), String.class)
                    .getStatusCode()).as("the demo still signs in with its documented passwords")
                    .isEqualTo(HttpStatus.OK);
            assertThat(officer.getForEntity(url(demo, "/engine-rest/identity/password-policy"), String.class)
                    .getStatusCode()).as("no password policy in the demo").isEqualTo(HttpStatus.NOT_FOUND);
            IdentityService identity = demo.getBean(IdentityService.class);
            changePassword(identity, "officer");
            changePassword(identity, "owner");
        }

        try (ConfigurableApplicationContext node = StandaloneQuorum.start(dataDir, List.of(),
                "quorum.admin.password=" + ADMIN_PASSWORD)) {
            assertThat(new TestRestTemplate("officer", NEW_PASSWORD)
                    .getForEntity(url(node, "/engine-rest/task?maxResults=1"), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void passwordPolicyAppliesToTheAdministratorAndEveryNewUser(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> StandaloneQuorum.start(dataDir, List.of(), "quorum.admin.password=admin-1234"))
                .isInstanceOf(RuntimeException.class);
        assertThat(output).contains("The administrator password (QUORUM_ADMIN_PASSWORD) does not pass the password "
                + "policy").contains("upper-case letter").contains("Set QUORUM_ADMIN_PASSWORD to a password");

        try (ConfigurableApplicationContext node = StandaloneQuorum.start(dataDir, List.of(),
                "quorum.admin.password=" + ADMIN_PASSWORD, "quorum.web.secure-cookies=true")) {
            IdentityService identity = node.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().userId("admin").count()).isEqualTo(1);
            TestRestTemplate admin = new TestRestTemplate("admin", ADMIN_PASSWORD);
            assertThat(admin.getForEntity(url(node, "/engine-rest/identity/password-policy"), JsonNode.class)
                    .getBody().path("rules").size()).as("Camunda's default policy is on").isGreaterThan(4);
            assertThat(admin.getForEntity(url(node, "/api/admin/demo-mail"), JsonNode.class).getStatusCode())
                    .as("no demo mail server, no route to its mailboxes").isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(node.getBeanNamesForType(JavaMailSender.class)).as("no mail sender without spring.mail.host")
                    .isEmpty();
            assertThat(output).as("the notifier says why it sends nothing")
                    .contains("Notifier off: no mail server is configured").contains("Set SPRING_MAIL_HOST");
            assertThat(admin.getForEntity(url(node, "/api/me/notifications"), JsonNode.class).getBody()
                    .path("notifierOn").asBoolean(true)).isFalse();

            ResponseEntity<String> weak = admin.postForEntity(url(node, "/engine-rest/user/create"),
                    newUser("weakling", "weakling1"), String.class);
            assertThat(weak.getStatusCode().isError()).as("a weak password is refused").isTrue();
            assertThat(identity.createUserQuery().userId("weakling").count()).as("and no user created").isZero();

            ResponseEntity<String> strong = admin.postForEntity(url(node, "/engine-rest/user/create"),
                    newUser("registrar", NEW_PASSWORD), String.class);
            assertThat(strong.getStatusCode().is2xxSuccessful()).isTrue();
            assertThat(identity.checkPassword("registrar", NEW_PASSWORD)).isTrue();

            HttpResponse<String> page = new WebappSession(port(node)).openTasklist();
            assertThat(WebappSession.setCookie(page, "JSESSIONID")).get().asString()
                    .containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax");
            assertThat(WebappSession.setCookie(page, "XSRF-TOKEN")).get().asString()
                    .containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax");
        }
    }

    private static void changePassword(IdentityService identity, String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setPassword(NEW_PASSWORD);
        identity.saveUser(user);
    }

    private static Map<String, Object> newUser(String id, String password) {
        return Map.of("profile", Map.of("id", id, "firstName", "New", "lastName", "Registrar",
                "email", id + "@quorum.example"), "credentials", Map.of("password", password));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static String url(ConfigurableApplicationContext app, String path) {
        return "http://127.0.0.1:" + port(app) + path;
    }
}
