package org.parley.events.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/** Signs the chain head every {@code parley.ledger.checkpoint.interval} if entries arrived since the last checkpoint. */
@ApplicationScoped
public class CheckpointTimer {

    private static final Logger LOG = Logger.getLogger(CheckpointTimer.class);

    private final Ledger ledger;

    @Inject
    public CheckpointTimer(Ledger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(
            every = "${parley.ledger.checkpoint.interval:30s}",
            delayed = "${parley.ledger.checkpoint.interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkpoint() {
        try {
            ledger.checkpointHead().ifPresent(sequence -> LOG.debugf("ledger checkpoint at %d", sequence));
        } catch (RuntimeException e) {
            LOG.warnf("ledger checkpoint not written: %s", e.getClass().getSimpleName());
        }
    }
}
