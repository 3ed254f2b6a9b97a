package org.parley.access.request;

import jakarta.validation.constraints.Size;

import org.parley.web.VisibleText;

/** The body of an approval: an optional reason (absent, or visible text). */
public record ApprovalBody(@VisibleText @Size(max = 2000) String reason) {}
