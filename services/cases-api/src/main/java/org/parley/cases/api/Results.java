package org.parley.cases.api;

import java.util.List;

/** The RESULTS section as the service answers it: the outcome, the terms, measured effects and side effects. */
public record Results(Boolean dealReached, List<String> terms, List<Effect> effects, List<SideEffect> sideEffects) {

    /** A measured indicator before and after, as the source states it ("14", "5-6"). */
    public record Effect(String indicator, String before, String after, String period, String source) {}

    public record SideEffect(SideEffectKind kind, String description) {}
}
