package fr.zlv.groups;

import static fr.zlv.groups.GroupTestData.call;
import static fr.zlv.groups.GroupTestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/** Every group export (owners' personal data) leaves one row in the personal-data log, naming who and which group. */
@IntegrationTest
class GroupExportAuditIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    @Test
    void eachExportIsWrittenToThePersonalDataLog() throws Exception {
        var data = new GroupTestData(context);
        var agent = data.agentOf("Audit export", Set.of("05001"));
        long housing = data.housing("05001", cols("kind", "MAISON"));
        data.ownership(housing, data.owner("MARTIN/PAUL", cols("kind_code", "particulier")), 1);
        long id = json.readTree(new String(call(port, agent.token(), "POST", "/api/v1/groups",
                "{\"name\": \"Audit\", \"housingIds\": [" + housing + "]}").body(), StandardCharsets.UTF_8))
                .get("group").get("id").asLong();

        assertThat(call(port, agent.token(), "GET", "/api/v1/groups/" + id + "/export.xlsx", null).statusCode()).isEqualTo(200);
        assertThat(call(port, agent.token(), "GET", "/api/v1/groups/" + id + "/export.csv", null).statusCode()).isEqualTo(200);

        List<String> rows = jdbc.sql("""
                select action || ' ' || user_id || ' ' || establishment_id from personal_data_access
                 where subject_kind = 'group' and subject_id = ? order by id""")
                .param(String.valueOf(id)).query(String.class).list();
        long establishment = agent.establishment().id();
        assertThat(rows).containsExactly("export-group-xlsx " + agent.userId() + " " + establishment,
                "export-group-csv " + agent.userId() + " " + establishment);
    }
}
