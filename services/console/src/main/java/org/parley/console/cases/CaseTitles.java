package org.parley.console.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.parley.cases.api.CaseView;
import org.parley.console.clients.CasesClient;

/**
 * A case's title as the cases service shows it to the user, for pages that list other services' items by case;
 * null when it does not show it (or does not answer), once per case and request.
 */
@RequestScoped
public class CaseTitles {

    private final CasesClient cases;
    private final Map<String, Optional<String>> known = new HashMap<>();

    @Inject
    public CaseTitles(@RestClient CasesClient cases) {
        this.cases = cases;
    }

    public String of(String caseId) {
        return known.computeIfAbsent(caseId, this::read).orElse(null);
    }

    private Optional<String> read(String caseId) {
        try {
            CaseView c = cases.read(caseId);
            return Optional.ofNullable(c.header() == null ? null : c.header().title());
        } catch (ClientWebApplicationException | ProcessingException e) {
            return Optional.empty();
        }
    }
}
