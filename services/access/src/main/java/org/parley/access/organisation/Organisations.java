package org.parley.access.organisation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;
import org.parley.access.AccessConfig;
import org.parley.access.api.OrganisationKind;
import org.parley.access.api.OrganisationView;
import org.parley.messaging.Envelopes;
import org.parley.messaging.Topics;
import org.parley.messaging.outbox.Outbox;
import org.parley.policy.Role;
import org.parley.policy.Viewer;
import org.parley.proto.v1.OrganisationRegistered;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/** Registers and finds organisations; bootstraps the host so that someone can be its admin. */
@ApplicationScoped
public class Organisations {

    private static final Logger LOG = Logger.getLogger(Organisations.class);

    private final Clock clock;
    private final AccessConfig config;
    private final Outbox outbox;

    @Inject
    public Organisations(Clock clock, AccessConfig config, Outbox outbox) {
        this.clock = clock;
        this.config = config;
        this.outbox = outbox;
    }

    /** The result of a registration: the organisation and whether this call created it. */
    public record Registration(OrganisationView organisation, boolean created) {}

    void bootstrapHost(@Observes StartupEvent event) {
        boolean created = QuarkusTransaction.requiringNew()
                .call(() -> insertIfAbsent(
                        config.hostOrganisation(), config.hostOrganisationName(), OrganisationKind.HOST, null));
        if (created) {
            LOG.infof("bootstrapped the host organisation %s", config.hostOrganisation());
        } else if (QuarkusTransaction.requiringNew()
                .call(() -> find(config.hostOrganisation())
                        .map(host -> host.kind != OrganisationKind.HOST)
                        .orElse(true))) {
            // Another organisation is the host (the setting changed?): nobody can administer secrecy as configured.
            LOG.errorf(
                    "parley.access.host-organisation=%s is not the registered host organisation",
                    config.hostOrganisation());
        }
    }

    public boolean isKnown(String id) {
        return id != null && Organisation.findById(id) != null;
    }

    public Optional<Organisation> find(String id) {
        return Optional.ofNullable(Organisation.findById(id));
    }

    /** Whether the viewer is a secrecy admin of the host: the only one who may see and add every organisation. */
    public boolean isHostAdmin(Viewer viewer) {
        return viewer.has(Role.SECRECY_ADMIN) && viewer.belongsTo(config.hostOrganisation());
    }

    public String hostOrganisation() {
        return config.hostOrganisation();
    }

    /** Every organisation for a host admin; only their own for anyone else. */
    public List<OrganisationView> visibleTo(Viewer viewer) {
        List<Organisation> organisations = isHostAdmin(viewer)
                ? Organisation.list("ORDER BY id")
                : Organisation.list("id = ?1", viewer.organisation());
        return organisations.stream().map(Organisations::view).toList();
    }

    /** The organisation if the viewer may know it: their own, or any for a host admin. */
    public OrganisationView visible(Viewer viewer, String id) {
        if (!isHostAdmin(viewer) && !viewer.belongsTo(id)) {
            throw Problems.notFoundException("organisation");
        }
        return find(id).map(Organisations::view).orElseThrow(() -> Problems.notFoundException("organisation"));
    }

    /** Idempotent on the id: registering an existing organisation again returns it unchanged. */
    @Transactional
    public Registration register(Viewer viewer, NewOrganisation request) {
        if (!isHostAdmin(viewer)) {
            throw new ProblemException(
                    Problems.forbidden("Only a secrecy admin of the host organisation registers organisations."));
        }
        if (request.kind() == OrganisationKind.HOST && !request.id().equals(config.hostOrganisation())) {
            throw new ProblemException(
                    Problems.invalid(List.of(new Problem.FieldError("kind", "there is one host organisation"))));
        }
        Organisation existing = Organisation.findById(request.id());
        if (existing != null) {
            if (existing.kind != request.kind()) {
                throw new ProblemException(
                        Problems.conflict("An organisation with this id is already registered with another kind."));
            }
            return new Registration(view(existing), false);
        }
        boolean created = insertIfAbsent(request.id(), request.name(), request.kind(), viewer);
        Organisation stored = Organisation.findById(request.id());
        if (stored.kind != request.kind()) {
            throw new ProblemException(
                    Problems.conflict("An organisation with this id is already registered with another kind."));
        }
        return new Registration(view(stored), created);
    }

    private boolean insertIfAbsent(String id, String name, OrganisationKind kind, Viewer actor) {
        int inserted = Organisation.getEntityManager()
                .createNativeQuery("INSERT INTO organisation (id, name, kind, created_at) VALUES (?1, ?2, ?3, ?4)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, id)
                .setParameter(2, name)
                .setParameter(3, kind.name())
                .setParameter(4, clock.instant())
                .executeUpdate();
        if (inserted == 1) {
            outbox.append(
                    Topics.ACCESS,
                    Envelopes.about(
                                    null,
                                    actor == null ? null : actor.subject(),
                                    actor == null ? null : actor.organisation(),
                                    clock.instant())
                            .setOrganisationRegistered(OrganisationRegistered.newBuilder()
                                    .setOrganisation(id)
                                    .setKind(kind.name())));
        }
        return inserted == 1;
    }

    private static OrganisationView view(Organisation organisation) {
        return new OrganisationView(organisation.id, organisation.name, organisation.kind);
    }
}
