package org.parley.web.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept verification is served for exactly its token, within its hold and the token's expiry, and never after. */
class KeptTokensTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";

    private final MovableClock clock = new MovableClock();
    private final KeptTokens kept = new KeptTokens(clock);

    @Test
    void aKeptTokenIsServedItsOwnIdentityAndNoOtherStringIs() {
        kept.keep(TOKEN, identity("alice", START.plusSeconds(300)));

        assertThat(kept.find(TOKEN))
                .hasValueSatisfying(
                        found -> assertThat(found.getPrincipal().getName()).isEqualTo("alice"));
        String tampered = TOKEN.substring(0, TOKEN.length() - 1) + "x";
        assertThat(kept.find(tampered)).isEmpty();
        assertThat(kept.find(TOKEN + " ")).isEmpty();
    }

    @Test
    void aTokenIsNeverServedAtOrAfterItsExpiry() {
        kept.keep(TOKEN, identity("alice", START.plusSeconds(10)));

        clock.move(Duration.ofSeconds(9));
        assertThat(kept.find(TOKEN)).isPresent();
        clock.move(Duration.ofSeconds(1));
        assertThat(kept.find(TOKEN)).isEmpty();
        assertThat(kept.size()).isZero();
    }

    @Test
    void aVerificationIsTrustedForItsHoldOnlyAndAHitDoesNotStretchIt() {
        kept.keep(TOKEN, identity("alice", START.plusSeconds(3600)));

        clock.move(KeptTokens.HOLD.minusSeconds(10));
        assertThat(kept.find(TOKEN)).isPresent();
        // What every request does after it is authenticated: keep again. The first verification's hold stands.
        kept.keep(TOKEN, identity("alice", START.plusSeconds(3600)));
        clock.move(Duration.ofSeconds(10));
        assertThat(kept.find(TOKEN)).isEmpty();
    }

    @Test
    void anExpiredOrExpiryLessIdentityIsNotKept() {
        kept.keep(TOKEN, identity("alice", START));
        assertThat(kept.find(TOKEN)).isEmpty();

        SecurityIdentity noExpiry =
                QuarkusSecurityIdentity.builder().setPrincipal(() -> "bob").build();
        kept.keep(TOKEN, noExpiry);
        assertThat(kept.find(TOKEN)).isEmpty();
        assertThat(kept.size()).isZero();
    }

    @Test
    void theRequestAVerificationWasMadeInIsNotKept() {
        SecurityIdentity verified = QuarkusSecurityIdentity.builder(identity("alice", START.plusSeconds(300)))
                .addAttribute(RoutingContext.class.getName(), "the request of the first verification")
                .build();
        kept.keep(TOKEN, verified);

        SecurityIdentity found = kept.find(TOKEN).orElseThrow();
        assertThat((Object) found.getAttribute(RoutingContext.class.getName())).isNull();
        assertThat(found.getRoles()).containsExactly("staff");
    }

    private static SecurityIdentity identity(String subject, Instant expiry) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(() -> subject)
                .addRole("staff")
                .addAttribute(KeptTokens.EXPIRY_ATTRIBUTE, expiry.getEpochSecond())
                .build();
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {

        private Instant now = START;

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
