package org.parley.web;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixed one-minute windows per caller: spent after the limit, whole again when the minute is over. */
class NotFoundBudgetTest {

    private final NotFoundBudget budget = new NotFoundBudget(new NotFoundConfig() {
        @Override
        public int perMinute() {
            return 3;
        }

        @Override
        public Optional<List<String>> trustedProxies() {
            return Optional.empty();
        }
    });
    private final long t0 = 1_000_000;

    @Test
    void aCallerIsRefusedAfterTheLimitUntilTheirMinuteIsOver() {
        for (int i = 0; i < 3; i++) {
            assertThat(budget.secondsUntilRefill("prober", t0 + i)).isZero();
            budget.spend("prober", t0 + i);
        }
        assertThat(budget.secondsUntilRefill("prober", t0 + 10)).isEqualTo(60);
        assertThat(budget.secondsUntilRefill("prober", t0 + 45_000)).isEqualTo(15);
        assertThat(budget.secondsUntilRefill("prober", t0 + 59_999)).isEqualTo(1);
        assertThat(budget.secondsUntilRefill("prober", t0 + 60_000)).isZero();
        budget.spend("prober", t0 + 60_000); // a new window starts with this one
        assertThat(budget.secondsUntilRefill("prober", t0 + 60_001)).isZero();
    }

    @Test
    void callersHaveTheirOwnBudgets() {
        for (int i = 0; i < 3; i++) {
            budget.spend("prober", t0);
        }
        assertThat(budget.secondsUntilRefill("prober", t0)).isPositive();
        assertThat(budget.secondsUntilRefill("bystander", t0)).isZero();
    }

    @Test
    void endedWindowsAreDroppedOnceThereAreManyCallers() {
        for (int i = 0; i <= NotFoundBudget.PRUNE_ABOVE; i++) {
            budget.spend("caller-" + i, t0);
        }
        budget.spend("late", t0 + NotFoundBudget.WINDOW_MILLIS);
        assertThat(budget.callers()).isEqualTo(1);
    }

    @Test
    void manyCallersMakeAPruneAtMostOncePerInterval() {
        for (int i = 0; i <= NotFoundBudget.PRUNE_ABOVE; i++) {
            budget.spend("caller-" + i, t0);
        }
        assertThat(budget.prunes()).isEqualTo(1);
        for (int i = 0; i < 2_000; i++) {
            budget.spend("address-" + i, t0 + i % NotFoundBudget.PRUNE_EVERY_MILLIS);
        }
        assertThat(budget.prunes()).as("2,000 answers within the interval").isEqualTo(1);
        budget.spend("next", t0 + NotFoundBudget.PRUNE_EVERY_MILLIS);
        assertThat(budget.prunes()).isEqualTo(2);
        assertThat(budget.callers()).as("nothing has ended yet").isEqualTo(NotFoundBudget.PRUNE_ABOVE + 2_002);
    }
}
