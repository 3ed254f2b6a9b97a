package org.parley.cases.content;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** When a negotiation ran; {@code end} is absent while it goes on. ISO dates. */
@ChronologicalPeriod
public record Period(@NotNull LocalDate start, LocalDate end) {}
