package org.parley.web.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens this service verified a moment ago, each with the identity its verification made, so that a caller's
 * next requests skip the signature check and the parsing of the claims (9–16 % of a list's service CPU in the bench
 * of issue 18). Keyed by the whole token: any other string, a tampered signature or claim included, is verified
 * afresh. An identity is served for at most {@link #HOLD} after its verification and never at or after the token's
 * expiry, so a key Keycloak stops publishing stops a kept token within {@link #HOLD}.
 */
@ApplicationScoped
public class KeptTokens {

    /** How long a verification is trusted without being made again. */
    static final Duration HOLD = Duration.ofSeconds(30);

    /**
     * The most tokens kept at once (each identity holds its token and claims, a few KiB); beyond it the least recently
     * used go first and are verified again when they come back.
     */
    static final int MOST = 2_000;

    /** The attribute in which Quarkus OIDC puts a verified token's expiry (epoch seconds). */
    static final String EXPIRY_ATTRIBUTE = "quarkus.identity.expire-time";

    /** The identity of one token, and the instant it stops being served. */
    private record Kept(SecurityIdentity identity, Instant until) {}

    private final Clock clock;
    private final Cache<String, Kept> kept;

    @Inject
    public KeptTokens(Clock clock) {
        this.clock = clock;
        // Caffeine's own expiry only frees memory; whether an entry is served is decided on the service's clock.
        this.kept =
                Caffeine.newBuilder().maximumSize(MOST).expireAfterWrite(HOLD).build();
    }

    /** The identity verified for exactly this token, while its hold and the token itself last. */
    public Optional<SecurityIdentity> find(String token) {
        Kept found = kept.getIfPresent(token);
        if (found == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(found.until())) {
            kept.asMap().remove(token, found);
            return Optional.empty();
        }
        return Optional.of(found.identity());
    }

    /**
     * Keeps the identity that verifying this token made, unless one is kept already (a hit must not stretch the hold)
     * or the identity names no expiry (such a token is verified every time).
     */
    public void keep(String token, SecurityIdentity identity) {
        // Every hit comes back here through the augmentor: return before copying the identity only to drop the copy.
        if (kept.asMap().containsKey(token)) {
            return;
        }
        Object expiry = identity.getAttribute(EXPIRY_ATTRIBUTE);
        if (!(expiry instanceof Number seconds)) {
            return;
        }
        Instant now = clock.instant();
        Instant until = Instant.ofEpochSecond(seconds.longValue());
        if (until.isAfter(now.plus(HOLD))) {
            until = now.plus(HOLD);
        }
        if (!now.isBefore(until)) {
            return;
        }
        kept.asMap().putIfAbsent(token, new Kept(withoutRequest(identity), until));
    }

    /** How many tokens are kept now (for tests). */
    public long size() {
        kept.cleanUp();
        return kept.estimatedSize();
    }

    /** The identity less the request it was verified in: a kept identity must not hold an old request alive. */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        if (identity.getAttribute(RoutingContext.class.getName()) == null) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), null)
                .build();
    }
}
