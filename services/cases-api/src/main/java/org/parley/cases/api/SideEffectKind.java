package org.parley.cases.api;

/**
 * Unintended consequences of a deal. The codes of the codebook's {@code results.sideEffects.kind}, in its order
 * (CodebookAgreementTest).
 */
public enum SideEffectKind {
    MORAL_HAZARD,
    CONTAGION,
    GROUP_STRENGTHENING,
    LEGITIMISATION,
    POLITICISATION,
    MAFIA_PEACE,
    OTHER_CRIME_PERSISTED,
    COMPETITION_FOR_BENEFITS,
    DEPENDENCE_ON_REWARDS,
    PUBLIC_RESENTMENT,
    CRIMINALISATION_OF_NEGOTIATORS,
    OTHER
}
