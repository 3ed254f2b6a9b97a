package org.parley.web;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates of the work: from 1900-01-01 to one year after today, whatever the form they come in. */
class PlausibleDateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void theRangeRunsFrom1900ToAYearFromToday() {
        assertThat(PlausibleDate.Range.contains(LocalDate.of(1900, 1, 1), TODAY))
                .isTrue();
        assertThat(PlausibleDate.Range.contains(LocalDate.of(1899, 12, 31), TODAY))
                .isFalse();
        assertThat(PlausibleDate.Range.contains(LocalDate.of(2027, 12, 2), TODAY))
                .isTrue();
        assertThat(PlausibleDate.Range.contains(LocalDate.of(2027, 12, 3), TODAY))
                .isFalse();
        assertThat(PlausibleDate.Range.contains(LocalDate.of(0, 1, 1), TODAY)).isFalse();
        assertThat(PlausibleDate.Range.contains(LocalDate.of(1, 1, 1), TODAY)).isFalse();
        assertThat(PlausibleDate.Range.contains(LocalDate.of(99999, 1, 1), TODAY))
                .isFalse();
        assertThat(PlausibleDate.Range.contains(TODAY.plusYears(2), TODAY)).isFalse();
        assertThat(PlausibleDate.Range.contains(LocalDate.of(2010, 6, 15), TODAY))
                .isTrue();
    }

    @Test
    void theValidatorsUseTodayInUtc() {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(new PlausibleDate.ForDate().isValid(today.plusYears(1).minusDays(1), null))
                .isTrue();
        assertThat(new PlausibleDate.ForDate().isValid(today.plusYears(2), null))
                .isFalse();
        assertThat(new PlausibleDate.ForDate().isValid(null, null)).isTrue();
        assertThat(new PlausibleDate.ForMonth().isValid(YearMonth.of(1899, 12), null))
                .isFalse();
        assertThat(new PlausibleDate.ForMonth().isValid(YearMonth.of(1900, 1), null))
                .isTrue();
    }

    @Test
    void textHoldsADayOrAMonthAndAnythingElseIsLeftToTheFormatRule() {
        PlausibleDate.ForText text = new PlausibleDate.ForText();
        assertThat(text.isValid("0000-01", null)).isFalse();
        assertThat(text.isValid("1899-12", null)).isFalse();
        assertThat(text.isValid("1900-01", null)).isTrue();
        assertThat(text.isValid("2019-10", null)).isTrue();
        assertThat(text.isValid("0000-01-01", null)).isFalse();
        assertThat(text.isValid("+99999-01-01", null)).isFalse();
        assertThat(text.isValid(
                        YearMonth.now(java.time.ZoneOffset.UTC).plusYears(2).toString(), null))
                .isFalse();
        assertThat(text.isValid("Oct 2019", null)).isTrue();
        assertThat(text.isValid(null, null)).isTrue();
    }
}
