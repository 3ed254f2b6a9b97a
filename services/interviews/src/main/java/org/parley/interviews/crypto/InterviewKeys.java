package org.parley.interviews.crypto;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.parley.interviews.config.InterviewsConfig;

/**
 * The two KEKs, loaded at start. Production passes them in the environment (base64 Tink JSON keysets);
 * dev and test use DEV-ONLY keysets generated at first start into a git-ignored directory. The service
 * refuses to start in prod without both KEKs from the environment, with the two sharing a key, or with
 * encryption switched off.
 */
@Startup
@ApplicationScoped
public class InterviewKeys {

    private static final Logger LOG = Logger.getLogger(InterviewKeys.class);

    private final InterviewsConfig config;

    private Kek content;
    private Kek identity;

    @Inject
    public InterviewKeys(InterviewsConfig config) {
        this.config = config;
    }

    @PostConstruct
    void load() {
        boolean prod = ConfigProvider.getConfig()
                .unwrap(SmallRyeConfig.class)
                .getProfiles()
                .contains("prod");
        Kek[] keks = load(config, prod);
        content = keks[0];
        identity = keks[1];
    }

    /** The content and identity KEKs for this configuration, or an exception saying why the service must not start. */
    static Kek[] load(InterviewsConfig config, boolean prod) {
        if (prod && !config.encryption().enabled()) {
            throw new IllegalStateException(
                    "refusing to start: parley.interviews.encryption.enabled=false is for the benchmark only");
        }
        Kek content = load("content", config.keys().contentKek(), config.keys().devDirectory(), prod);
        Kek identity =
                load("identity", config.keys().identityKek(), config.keys().devDirectory(), prod);
        if (content.sharesKeyWith(identity)) {
            throw new IllegalStateException("refusing to start: the content and identity KEKs share a key");
        }
        return new Kek[] {content, identity};
    }

    private static Kek load(String name, Optional<String> fromEnvironment, Optional<Path> directory, boolean prod) {
        if (fromEnvironment.isPresent() && !fromEnvironment.get().isBlank()) {
            return Kek.fromBase64(name, fromEnvironment.get());
        }
        if (prod || directory.isEmpty()) {
            throw new IllegalStateException("refusing to start: no " + name + " KEK (set PARLEY_INTERVIEWS_"
                    + name.toUpperCase(Locale.ROOT) + "_KEK)");
        }
        Path file = directory.get().resolve("DEV-ONLY-" + name + "-kek.json");
        LOG.infof("using the DEV-ONLY %s KEK in %s", name, file);
        return Kek.loadOrGenerate(name, file);
    }

    public Kek kek(Purpose purpose) {
        return purpose == Purpose.CONTENT ? content : identity;
    }

    public Kek content() {
        return content;
    }

    public Kek identity() {
        return identity;
    }
}
