package org.parley.console.interviews;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseView;
import org.parley.console.clients.CasesClient;
import org.parley.console.interviews.InterviewsResource.CaseRef;

/**
 * The cases an interview form offers to link, found with its search box among the reader's own team's cases (the
 * cases service's list with the user's token, {@code team=mine}): never a list of every case. The interviews
 * service still checks each link.
 */
@ApplicationScoped
public class LinkableCases {

    /** Enough hits to choose from; more words narrow them. */
    static final int HITS = 20;

    @RestClient
    CasesClient cases;

    /** The reader's team's cases matching the words, leaving out those already chosen; none for no words. */
    public List<CaseRef> find(String words, List<String> chosen) {
        if (words == null || words.isBlank()) {
            return List.of();
        }
        try {
            return cases.list(CaseListFilters.matching(words.strip(), HITS), "mine").items().stream()
                    .filter(c -> c.header() != null && !chosen.contains(c.id()))
                    .map(c -> new CaseRef(c.id(), c.header().title()))
                    .toList();
        } catch (ClientWebApplicationException | ProcessingException e) {
            return List.of();
        }
    }

    /** The chosen cases with their titles as the reader may see them (none for a case they may not read). */
    public List<CaseRef> titled(List<String> ids) {
        List<CaseRef> titled = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            titled.add(new CaseRef(id, title(id)));
        }
        return titled;
    }

    private String title(String caseId) {
        try {
            CaseView c = cases.read(caseId);
            return c.header() == null ? null : c.header().title();
        } catch (ClientWebApplicationException | ProcessingException e) {
            return null;
        }
    }
}
