package org.parley.cases.content;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.cases.api.SideEffectKind;

import static org.parley.cases.content.Lists.orEmpty;

/** The RESULTS section: the outcome, the terms, measured effects and side effects. */
public record Results(
        Boolean dealReached,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> terms,
        @Size(max = Limits.LIST) List<@NotNull @Valid Effect> effects,
        @Size(max = Limits.LIST) List<@NotNull @Valid SideEffect> sideEffects) {

    public Results {
        terms = orEmpty(terms);
        effects = orEmpty(effects);
        sideEffects = orEmpty(sideEffects);
    }

    public static Results empty() {
        return new Results(null, null, null, null);
    }

    /** A measured indicator before and after, as the source states it ("14", "5-6"). */
    public record Effect(
            @NotBlank @Size(max = Limits.TEXT) String indicator,
            @Size(max = Limits.TEXT) String before,
            @Size(max = Limits.TEXT) String after,
            @Size(max = Limits.TEXT) String period,
            @Size(max = Limits.TEXT) String source) {}

    public record SideEffect(
            @NotNull SideEffectKind kind,
            @NotBlank @Size(max = Limits.TEXT) String description) {}
}
