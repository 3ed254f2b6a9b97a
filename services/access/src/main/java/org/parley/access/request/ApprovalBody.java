package org.parley.access.request;

import jakarta.validation.constraints.Size;

/** The body of an approval: an optional reason. */
public record ApprovalBody(@Size(max = 2000) String reason) {}
