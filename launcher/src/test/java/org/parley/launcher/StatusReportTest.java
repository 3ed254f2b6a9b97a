package org.parley.launcher;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusReportTest {

    @Test
    void oneLinePerPartAndAllUpOnlyIfEveryPartIs() {
        StatusReport report = new StatusReport(List.of(
                new StatusReport.Row("supervisor", "up", 100, -1),
                new StatusReport.Row("stack", "up", 101, 0),
                new StatusReport.Row("  postgres", "restarting", 0, 2),
                new StatusReport.Row("cases", "up", 102, 1)));

        assertThat(report.allUp()).isFalse();
        assertThat(report.render())
                .isEqualTo(String.join(
                        "\n",
                        "supervisor   up         pid 100",
                        "stack        up         pid 101      restarts 0",
                        "  postgres   restarting              restarts 2",
                        "cases        up         pid 102      restarts 1",
                        "not all up:   postgres",
                        ""));
    }

    @Test
    void allUp() {
        StatusReport report = new StatusReport(List.of(new StatusReport.Row("cases", "up", 102, 0)));
        assertThat(report.allUp()).isTrue();
        assertThat(report.render()).endsWith("all up\n");
        assertThat(new StatusReport(List.of()).allUp()).isFalse();
    }
}
