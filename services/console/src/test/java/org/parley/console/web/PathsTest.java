package org.parley.console.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathsTest {

    @Test
    void onlyPathsOnThisSiteAreFollowed() {
        assertThat(Paths.local("/cases?q=x")).isEqualTo("/cases?q=x");
        assertThat(Paths.local("//evil.example/")).isEqualTo("/");
        assertThat(Paths.local("/\\evil.example/")).isEqualTo("/");
        assertThat(Paths.local("https://evil.example/")).isEqualTo("/");
        assertThat(Paths.local("/a\r\nSet-Cookie: x")).isEqualTo("/");
        assertThat(Paths.local(null)).isEqualTo("/");
    }

    @Test
    void onlyIdShapedValuesReachAService() {
        assertThat(Paths.isId("3f1c2a9e-1b2c-4d5e-8f90-123456789abc")).isTrue();
        assertThat(Paths.isId("../access")).isFalse();
        assertThat(Paths.isId("3f1c2a9e-1b2c-4d5e-8f90-123456789abc/team")).isFalse();
        assertThat(Paths.isId(null)).isFalse();
    }

    @Test
    void noticesShowOnlyKnownKeysAndPlainFieldNames() {
        assertThat(Flash.of("saved", null).done()).isEqualTo("saved");
        // A secrecy admin who is not the lead files a request to join a team (202): said so, not a failure.
        assertThat(Flash.of("team-requested", null).done()).isEqualTo("team-requested");
        assertThat(Flash.of("Your case was deleted, call 555", "<b>").any()).isFalse();
        assertThat(Flash.of(null, "invalid", "header.period.end").fields()).isEqualTo("header.period.end");
        assertThat(Flash.of(null, "invalid", "<img src=x>").fields()).isNull();
    }
}
