package org.parley.cases.links;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.cases.api.CaseLinkKind;
import org.parley.cases.api.CaseLinksApi;

/** The body of {@code POST /cases/{id}/links} as the service checks it; the target's visibility is checked apart. */
record NewLink(
        @NotBlank String target,
        @NotNull CaseLinkKind kind,
        @Size(max = CaseLinksApi.MAX_NOTE) String note) {}
