package org.parley.access.organisation;

/** An organisation as the API shows it. */
public record OrganisationView(String id, String name, OrganisationKind kind) {

    static OrganisationView of(Organisation organisation) {
        return new OrganisationView(organisation.id, organisation.name, organisation.kind);
    }
}
