package org.parley.console.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests the console refuses for where the browser says they came from. */
class CrossSiteChangesTest {

    @Test
    void aChangeFromAnotherOriginOrSiteIsRefused() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(CrossSiteChanges.sentFromElsewhere(method, "same-site"))
                    .as(method)
                    .isTrue();
            assertThat(CrossSiteChanges.sentFromElsewhere(method, "cross-site"))
                    .as(method)
                    .isTrue();
            assertThat(CrossSiteChanges.sentFromElsewhere(method, "Cross-Site "))
                    .as(method)
                    .isTrue();
            assertThat(CrossSiteChanges.sentFromElsewhere(method, ""))
                    .as("a value no browser sends")
                    .isTrue();
        }
    }

    @Test
    void theConsolesOwnPagesReadsAndClientsWithoutTheHeaderPass() {
        assertThat(CrossSiteChanges.sentFromElsewhere("POST", "same-origin")).isFalse();
        assertThat(CrossSiteChanges.sentFromElsewhere("POST", "none")).isFalse();
        assertThat(CrossSiteChanges.sentFromElsewhere("POST", null))
                .as("older browsers, scripts")
                .isFalse();
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertThat(CrossSiteChanges.sentFromElsewhere(method, "cross-site"))
                    .as(method)
                    .isFalse();
        }
    }
}
