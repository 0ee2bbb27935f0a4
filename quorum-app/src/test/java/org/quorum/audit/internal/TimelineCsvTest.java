package org.quorum.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quorum.audit.InstanceSummary;
import org.quorum.audit.Timeline;
import org.quorum.audit.TimelineEntry;

class TimelineCsvTest {

    @Test
    void everyCellASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe() {
        for (String formula : List.of("=HYPERLINK(\"http://evil.example\",\"open\")", "+1+1", "-2+3", "@SUM(A1)",
                "\t=1+1", "\r=1+1")) {
            assertThat(TimelineCsv.field(formula)).as(formula.replace("\t", "TAB").replace("\r", "CR"))
                    .isEqualTo("\"'" + formula.replace("\"", "\"\"") + "\"");
        }
    }

    @Test
    void otherCellsAreOnlyQuoted() {
        assertThat(TimelineCsv.field("Head of Secretariat")).isEqualTo("\"Head of Secretariat\"");
        assertThat(TimelineCsv.field("a = b")).isEqualTo("\"a = b\"");
        assertThat(TimelineCsv.field(" =1")).isEqualTo("\" =1\"");
        assertThat(TimelineCsv.field("")).isEqualTo("\"\"");
    }

    @Test
    void aFormulaInAnyColumnComesOutNeutralised() {
        String formula = "=HYPERLINK(\"http://evil.example\",\"open\")";
        Timeline timeline = new Timeline(new InstanceSummary("pi-1", "p", "P", 1, formula, "completed",
                Instant.EPOCH, null, "officer"), List.of(new TimelineEntry(Instant.EPOCH, "task.completed",
                formula, formula, "officer", formula, Map.of())), Map.of(), false);

        String csv = TimelineCsv.of(timeline);

        String quoted = "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"";
        assertThat(csv.split("\r\n")[1]).isEqualTo("\"1970-01-01T00:00:00Z\",\"task.completed\"," + quoted + ","
                + quoted + ",\"officer\"," + quoted + ",\"\"");
    }
}
