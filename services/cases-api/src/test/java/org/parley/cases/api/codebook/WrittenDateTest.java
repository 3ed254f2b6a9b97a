package org.parley.cases.api.codebook;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A date keeps the precision it was written with; the days it covers order and filter it. */
class WrittenDateTest {

    @Test
    void aYearAMonthAndADayCoverTheirDays() {
        assertThat(WrittenDate.parse("1990"))
                .contains(new WrittenDate("1990", LocalDate.of(1990, 1, 1), LocalDate.of(1990, 12, 31)));
        assertThat(WrittenDate.parse("2012-02"))
                .contains(new WrittenDate("2012-02", LocalDate.of(2012, 2, 1), LocalDate.of(2012, 2, 29)));
        assertThat(WrittenDate.parse("2012-03-14"))
                .contains(new WrittenDate("2012-03-14", LocalDate.of(2012, 3, 14), LocalDate.of(2012, 3, 14)));
        assertThat(WrittenDate.coarserThanADay("1991")).isEqualTo("1991");
        assertThat(WrittenDate.coarserThanADay("1991-06-19")).isNull();
        assertThat(WrittenDate.asWritten(null, LocalDate.of(1991, 6, 19))).isEqualTo("1991-06-19");
        assertThat(WrittenDate.asWritten("1991", LocalDate.of(1991, 1, 1))).isEqualTo("1991");
    }

    @Test
    void whatIsNoDateIsNone() {
        for (String text : new String[] {"", "199", "1990-13", "2013-02-29", "1990-1-1", "1990/01", "x1990", "19900"}) {
            assertThat(WrittenDate.parse(text)).as(text).isEmpty();
            assertThat(WrittenDate.firstDay(text)).as(text).isNull();
            assertThat(WrittenDate.coarserThanADay(text)).as(text).isNull();
        }
        assertThat(WrittenDate.parse(null)).isEmpty();
    }
}
