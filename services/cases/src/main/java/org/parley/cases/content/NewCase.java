package org.parley.cases.content;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /cases}: a header and, optionally, the other sections (no timeline). */
public record NewCase(
        @NotNull @Valid Header header,
        @Valid Context context,
        @Valid Process process,
        @Valid Results results) {}
