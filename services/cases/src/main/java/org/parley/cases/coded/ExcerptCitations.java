package org.parley.cases.coded;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.parley.interviews.api.CitedExcerpts;
import org.parley.interviews.api.ExcerptId;
import org.parley.interviews.api.ExcerptVisibilityApi;

/**
 * Which citations of interview excerpts a reader is answered. An excerpt's visibility is the interviews service's
 * alone (its approval, its interviewee's consent, every case its interview is linked to), so the cases service
 * asks it, with the reader's own token, about the excerpts the sections being answered cite, and only when they
 * cite any. No answer (the service down, slow or refusing) fails closed: the values come without their excerpt
 * citations, for members too, exactly as if none had been made.
 */
@ApplicationScoped
public class ExcerptCitations {

    private static final Logger LOG = Logger.getLogger(ExcerptCitations.class);

    /** An excerpt citation inside a stored section's JSON text (a quote inside a JSON string is escaped). */
    private static final Pattern CITED = Pattern.compile("\"" + Citations.EXCERPT + "\"\\s*:\\s*\"([^\"]*)\"");

    private static final Predicate<String> NONE = excerpt -> false;

    private final ExcerptVisibilityClient interviews;
    private final SecurityIdentity identity;

    @Inject
    public ExcerptCitations(@RestClient ExcerptVisibilityClient interviews, SecurityIdentity identity) {
        this.interviews = interviews;
        this.identity = identity;
    }

    /** The reader's own bearer token, taken now (null for an anonymous reader): what the interviews service is asked with. */
    public String readerToken() {
        AccessTokenCredential credential =
                identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }

    /**
     * Whether each excerpt cited in these stored sections (JSON text, nulls skipped) may be answered to the reader
     * whose token this is (null: nobody's, so none).
     */
    public Predicate<String> citableIn(List<String> storedSections, String readerToken) {
        return visibleOf(cited(storedSections), readerToken);
    }

    /** The excerpts these stored sections cite, each once, as {@code <interview id>/<quote number>}. */
    private static Set<String> cited(List<String> storedSections) {
        Set<String> cited = new LinkedHashSet<>();
        for (String section : storedSections) {
            if (section != null) {
                Matcher citation = CITED.matcher(section);
                while (citation.find()) {
                    ExcerptId.parse(citation.group(1)).ifPresent(excerpt -> cited.add(excerpt.toString()));
                }
            }
        }
        return cited;
    }

    private Predicate<String> visibleOf(Set<String> cited, String readerToken) {
        if (cited.isEmpty() || readerToken == null) {
            return NONE;
        }
        Set<String> visible = new LinkedHashSet<>();
        List<String> asked = List.copyOf(cited);
        try {
            for (int from = 0; from < asked.size(); from += ExcerptVisibilityApi.MAX_ASKED) {
                List<String> batch = asked.subList(from, Math.min(asked.size(), from + ExcerptVisibilityApi.MAX_ASKED));
                // outside the caller's transaction: the client's context propagation would otherwise carry it to
                // the event loop and end it there (the answer of an edit is built inside its transaction)
                CitedExcerpts answer = QuarkusTransaction.suspendingExisting()
                        .call(() -> interviews.visible("Bearer " + readerToken, new CitedExcerpts(batch)));
                if (answer != null && answer.excerpts() != null) {
                    visible.addAll(answer.excerpts());
                }
            }
        } catch (RuntimeException e) {
            // The kind of failure only: the excerpts' ids say which interviews a case cites.
            LOG.warnf(
                    "Excerpt citations left out: the interviews service gave no answer (%s)",
                    e.getClass().getName());
            return NONE;
        }
        return written -> ExcerptId.parse(written)
                .map(excerpt -> visible.contains(excerpt.toString()))
                .orElse(false);
    }
}
