package org.parley.cases.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellTest {

    @Test
    void aCellThatStartsLikeAFormulaIsWrittenAsText() {
        for (String formula :
                List.of("=HYPERLINK(\"http://x\";\"y\")", "+1+2", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "-", "=")) {
            assertThat(SpreadsheetCell.written(formula)).isEqualTo("'" + formula);
        }
    }

    @Test
    void plainTextAndNumbersAreWrittenAsTheyAre() {
        for (String plain : List.of("", "Escobar", "-12", "3.5", "-0.25", "300..400", "2014-05", "a=b", " =1")) {
            assertThat(SpreadsheetCell.written(plain)).isEqualTo(plain);
        }
    }

    @Test
    void whatIsWrittenIsReadBackExactly() {
        for (String value :
                List.of("", "Escobar", "=1", "'=1", "''", "'", "'quoted'", "@x", "-12", "-x", "''=1", "\t", "=")) {
            assertThat(SpreadsheetCell.read(SpreadsheetCell.written(value)))
                    .as(value)
                    .isEqualTo(value);
        }
    }

    @Test
    void aCellAPersonTypedWithoutTheGuardIsItsOwnValue() {
        assertThat(SpreadsheetCell.read("=1+2")).isEqualTo("=1+2");
        assertThat(SpreadsheetCell.read("'plain")).isEqualTo("'plain");
    }
}
