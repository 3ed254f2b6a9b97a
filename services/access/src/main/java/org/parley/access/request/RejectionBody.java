package org.parley.access.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of a rejection: a reason is required. */
public record RejectionBody(@NotBlank @Size(max = 2000) String reason) {}
