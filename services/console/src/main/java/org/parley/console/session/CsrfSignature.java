package org.parley.console.session;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.security.CSRF;
import io.quarkus.vertx.http.security.HttpSecurity;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs the CSRF token in every profile. Unsigned, the double-submit check only compares the cookie with the
 * form field, so anyone who can plant a cookie for this host (a sibling subdomain, plain HTTP on the way) passes
 * it with a made-up pair. Signed, the cookie is the HMAC of the field under a server key.
 *
 * <p>Production requires the key from the environment ({@code %prod.quarkus.rest-csrf.token-signature-key=
 * ${PARLEY_CONSOLE_CSRF_KEY}}: the console does not start without it). The local stack and the tests, which set
 * none, get a random key made at start, never a committed one; a restart then refuses forms opened before it.
 */
@ApplicationScoped
public class CsrfSignature {

    private static final Logger LOG = Logger.getLogger(CsrfSignature.class);

    /** The shortest key accepted: HMAC-SHA256 wants at least 32 bytes of secret. */
    static final int MINIMUM_KEY_LENGTH = 32;

    private final Optional<String> configuredKey;

    @Inject
    public CsrfSignature(
            @ConfigProperty(name = "quarkus.rest-csrf.token-signature-key") Optional<String> configuredKey) {
        this.configuredKey = configuredKey;
    }

    void sign(@Observes HttpSecurity http) {
        http.csrf(CSRF.builder().tokenSignatureKey(key(configuredKey)).build());
    }

    /** The configured key, refused when too short; else a fresh random one for this run. */
    static String key(Optional<String> configured) {
        if (configured.isPresent()) {
            if (configured.get().length() < MINIMUM_KEY_LENGTH) {
                throw new IllegalStateException(
                        "quarkus.rest-csrf.token-signature-key (PARLEY_CONSOLE_CSRF_KEY) needs at least "
                                + MINIMUM_KEY_LENGTH + " characters");
            }
            return configured.get();
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        LOG.info("CSRF tokens are signed with a key made for this run (none configured)");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
