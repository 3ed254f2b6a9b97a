package org.parley.cases.content;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.parley.web.PlausibleDate;

/** When a negotiation ran; {@code end} is absent while it goes on. ISO dates, from 1900 to a year ahead. */
@ChronologicalPeriod
public record Period(
        @NotNull @PlausibleDate LocalDate start,
        @PlausibleDate LocalDate end) {}
