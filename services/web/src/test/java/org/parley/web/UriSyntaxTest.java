package org.parley.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UriSyntaxTest {

    @Test
    void whatJavaNetUriParsesIsValidAndNothingElse() {
        for (String valid : List.of(
                "/cases",
                "/cases/6f1c1c7e-0a4b-4e7b-9a7e-2f5c1d0e9b11",
                "/cases?q=caf%C3%A9&country=MX",
                "/cases?q=%25",
                "/cases/%E2%80%AE",
                "*")) {
            assertThat(UriSyntax.valid(valid)).as(valid).isTrue();
        }
        for (String invalid : List.of(
                "/cases/%zz", "/cases?q=%", "/cases?q=%%%", "/cases?q=%A", "/cases?q=a|b", "/cases/a b", "/{x}")) {
            assertThat(UriSyntax.valid(invalid)).as(invalid).isFalse();
        }
        assertThat(UriSyntax.valid(null)).isFalse();
    }
}
