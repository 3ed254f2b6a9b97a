package org.parley.cases.content;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.InternalControl;
import org.parley.cases.api.RelativeStrength;
import org.parley.web.VisibleText;

import static org.parley.cases.content.Lists.orEmpty;

/** The CONTEXT section: who negotiates, with which groups, after which precedents. */
public record Context(
        @Valid NegotiatingEntity negotiatingEntity,
        @Size(max = Limits.LIST) List<@NotNull @Valid CriminalGroup> criminalGroups,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> precedents) {

    public Context {
        criminalGroups = orEmpty(criminalGroups);
        precedents = orEmpty(precedents);
    }

    public static Context empty() {
        return new Context(null, null, null);
    }

    public record NegotiatingEntity(
            @NotNull EntityType type,
            @VisibleText @Size(max = Limits.TEXT) String name,
            RelativeStrength relativeStrength,
            @Size(max = Limits.TEXT) String notes) {}

    public record CriminalGroup(
            @NotBlank @VisibleText @Size(max = Limits.TEXT) String name,
            @NotNull GroupType type,
            InternalControl internalControl,
            @Size(max = Limits.TEXT) String territorialControl,
            @Size(max = Limits.TEXT) String communityRelation) {}
}
