package org.parley.cases.content;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.parley.cases.api.MediatorRole;
import org.parley.cases.api.ObjectiveScope;
import org.parley.cases.api.RiskKind;
import org.parley.web.VisibleText;

import static org.parley.cases.content.Lists.orEmpty;

/**
 * The PROCESS section as written: objectives, red lines, trust building, mediators and risks. The
 * timeline is added entry by entry ({@link org.parley.cases.api.TimelineEntry}) and is not part of this document.
 */
public record Process(
        @Valid Objectives objectives,
        @Size(max = Limits.LIST) List<@NotNull @Valid Redline> redlines,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> trustBuilding,
        @Size(max = Limits.LIST) List<@NotNull @Valid Mediator> mediators,
        @Size(max = Limits.LIST) List<@NotNull @Valid Risk> risks) {

    public Process {
        redlines = orEmpty(redlines);
        trustBuilding = orEmpty(trustBuilding);
        mediators = orEmpty(mediators);
        risks = orEmpty(risks);
    }

    public static Process empty() {
        return new Process(null, null, null, null, null);
    }

    public record Objectives(
            ObjectiveScope scope, @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> items) {
        public Objectives {
            items = orEmpty(items);
        }
    }

    public record Redline(
            @NotBlank @VisibleText @Size(max = Limits.TEXT) String party,
            @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> items) {
        public Redline {
            items = orEmpty(items);
        }
    }

    public record Mediator(
            @NotBlank @VisibleText @Size(max = Limits.TEXT) String name,
            @NotNull MediatorRole role) {}

    public record Risk(
            @NotNull RiskKind kind,
            @NotBlank @Size(max = Limits.TEXT) String description) {}
}
