package org.parley.cases.api;

import java.time.LocalDate;

/** When a negotiation ran; {@code end} is absent while it goes on. */
public record Period(LocalDate start, LocalDate end) {}
