package org.parley.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
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

    /** The validators read "today" from the validator's clock, which Quarkus takes from {@link Clocks}. */
    @Test
    void theValidatorsJudgeByTheValidationClock() {
        Validator onTheDay = validatorOn(TODAY);
        assertThat(onTheDay.validate(new Dated(TODAY.plusYears(1)))).isEmpty();
        assertThat(onTheDay.validate(new Dated(TODAY.plusYears(1).plusDays(1)))).isNotEmpty();
        assertThat(onTheDay.validate(new Dated(null))).isEmpty();
        assertThat(onTheDay.validate(new Monthly(YearMonth.of(1899, 12)))).isNotEmpty();
        assertThat(onTheDay.validate(new Monthly(YearMonth.of(1900, 1)))).isEmpty();
        // the same date, a year later by the clock: now within the range
        assertThat(validatorOn(TODAY.plusYears(1))
                        .validate(new Dated(TODAY.plusYears(1).plusDays(1))))
                .isEmpty();
    }

    @Test
    void textHoldsADayOrAMonthAndAnythingElseIsLeftToTheFormatRule() {
        Validator onTheDay = validatorOn(TODAY);
        for (String refused : List.of("0000-01", "1899-12", "0000-01-01", "+99999-01-01", "2028-01")) {
            assertThat(onTheDay.validate(new Texted(refused))).as(refused).isNotEmpty();
        }
        for (String accepted : List.of("1900-01", "2019-10", "2027-12", "Oct 2019")) {
            assertThat(onTheDay.validate(new Texted(accepted))).as(accepted).isEmpty();
        }
        assertThat(onTheDay.validate(new Texted(null))).isEmpty();
    }

    record Dated(@PlausibleDate LocalDate date) {}

    record Monthly(@PlausibleDate YearMonth month) {}

    record Texted(@PlausibleDate String text) {}

    private static Validator validatorOn(LocalDate today) {
        Clock clock = Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        return Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .clockProvider(() -> clock)
                .buildValidatorFactory()
                .getValidator();
    }
}
