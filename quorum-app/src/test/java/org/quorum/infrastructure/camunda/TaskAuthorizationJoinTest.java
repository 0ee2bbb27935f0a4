package org.quorum.infrastructure.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rewrite of Camunda 7.24's task count statement, as Camunda writes it for an officer's group tasks. */
class TaskAuthorizationJoinTest {

    private static final String CAMUNDA = """
            SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_
            from ACT_RU_TASK RES
                left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
                left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
                left join
                (
                SELECT A.*
                FROM ACT_RU_AUTHORIZATION A
                WHERE A.TYPE_ < 2
                AND ( A.USER_ID_ in ( ?, '*')
                  OR A.GROUP_ID_ IN  (  ? )
                )
                AND (
                  ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?
                   OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? )
                )
                )
                AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
            WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) )
              and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
              and (RES.TENANT_ID_ is null ) ) countDistinct""";

    @Test
    void theJoinBecomesALookupOfTheSameThreeKeysInTheSameAuthorizationsWithTheParametersInOrder() {
        String rewritten = TaskAuthorizationJoin.rewrite(CAMUNDA);

        assertThat(rewritten).contains("""
                left join lateral (SELECT K.RESOURCE_ID_ FROM (VALUES (RES.ID_), (D.KEY_), ('*')) K (RESOURCE_ID_) \
                WHERE K.RESOURCE_ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2""");
        assertThat(rewritten).contains("OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? )")
                .contains(") LIMIT 1) AUTH ON TRUE\nWHERE ( 1 = 1 and ( I.TYPE_ = 'candidate'")
                .doesNotContain("AUTH ON (AUTH.RESOURCE_ID_");
        assertThat(rewritten.replaceAll("[^?]", "")).as("the same parameters, in the same places")
                .isEqualTo(CAMUNDA.replaceAll("[^?]", ""));
        assertThat(rewritten.substring(0, rewritten.indexOf("left join lateral")))
                .isEqualTo(CAMUNDA.substring(0, CAMUNDA.indexOf("left join\n")));
        assertThat(rewritten.substring(rewritten.indexOf("AUTH ON TRUE") + "AUTH ON TRUE".length()))
                .isEqualTo(CAMUNDA.substring(CAMUNDA.indexOf("'*' ))") + "'*' ))".length()));
    }

    @Test
    void aStatementWithoutCamundasJoinIsLeftAlone() {
        assertThat(TaskAuthorizationJoin.rewrite("select RES.ID_ from ACT_RU_TASK RES where RES.ID_ = ?")).isNull();
        assertThat(TaskAuthorizationJoin.rewrite(CAMUNDA.replace("D.KEY_ , ", ""))).isNull();
    }
}
