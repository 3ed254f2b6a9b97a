package org.parley.interviews.vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/** At start, seals any reveal reason an older version left in clear (see migration V2). */
@ApplicationScoped
public class RevealReasonSealing {

    private static final Logger LOG = Logger.getLogger(RevealReasonSealing.class);

    private final IdentityVault vault;

    @Inject
    public RevealReasonSealing(IdentityVault vault) {
        this.vault = vault;
    }

    void onStart(@Observes StartupEvent start) {
        int sealed = vault.sealReasonsLeftInClear();
        if (sealed > 0) {
            LOG.infof("sealed %d identity-reveal reason(s) left in clear by an older version", sealed);
        }
    }
}
