package org.parley.messaging.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedFailureLogTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();
    private final RepeatedFailureLog log =
            new RepeatedFailureLog("consumer x", Duration.ofSeconds(30), now::get, warnings::add, infos::add);

    @Test
    void anOutageOfEightMinutesWithAnAttemptEveryTwoSecondsLogsSeventeenLinesNotTwoHundredForty() {
        for (int attempt = 0; attempt < 240; attempt++) {
            log.failed("database unavailable (PSQLException)");
            now.addAndGet(Duration.ofSeconds(2).toNanos());
        }
        log.succeeded();

        assertThat(warnings).hasSize(1 + 480 / 30 - 1); // the first, then one summary per 30 s
        assertThat(warnings.get(0)).startsWith("consumer x: database unavailable (PSQLException); retrying");
        assertThat(warnings.get(1)).contains("still failing after 30 s, 15 more failures");
        assertThat(infos).containsExactly("consumer x: recovered after 480 s and 240 failed attempts");
        assertThat(log.isFailing()).isFalse();
    }

    @Test
    void aSuccessWithoutAFailureLogsNothingAndANewOutageIsReportedAtOnce() {
        log.succeeded();
        assertThat(infos).isEmpty();

        log.failed("broker unavailable");
        log.succeeded();
        log.failed("broker unavailable");

        assertThat(warnings).hasSize(2);
        assertThat(log.isFailing()).isTrue();
    }
}
