package org.parley.cases.support;

import java.time.LocalDate;
import java.util.List;

import org.parley.cases.api.CaseStatus;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.InternalControl;
import org.parley.cases.api.MediatorRole;
import org.parley.cases.api.ObjectiveScope;
import org.parley.cases.api.RelativeStrength;
import org.parley.cases.api.RiskKind;
import org.parley.cases.api.SideEffectKind;
import org.parley.cases.content.Context;
import org.parley.cases.content.Header;
import org.parley.cases.content.NewCase;
import org.parley.cases.content.Period;
import org.parley.cases.content.Process;
import org.parley.cases.content.Results;

/**
 * Cases whose every section carries its own marker word ("{tag}hdr", "{tag}ctx", "{tag}prc",
 * "{tag}res"), so a search can tell which section matched; the header's region also carries the
 * family word shared by a test's cases.
 */
public final class Sample {

    private Sample() {}

    public static NewCase withMarkers(String tag, String country, EntityType entity, GroupType group) {
        return withMarkers(tag, tag, country, entity, group);
    }

    public static NewCase withMarkers(String family, String tag, String country, EntityType entity, GroupType group) {
        return new NewCase(
                new Header(
                        "Talks " + tag + "hdr",
                        country,
                        "Region " + family,
                        new Period(LocalDate.of(2010, 1, 1), LocalDate.of(2012, 6, 30)),
                        CaseStatus.ACTIVE),
                new Context(
                        new Context.NegotiatingEntity(entity, "Entity " + tag + "ctx", RelativeStrength.WEAKER, null),
                        List.of(new Context.CriminalGroup(
                                "Group of " + tag + "ctx", group, InternalControl.COHESIVE, "Some streets", "Tense")),
                        List.of("Earlier talks")),
                new Process(
                        new Process.Objectives(ObjectiveScope.LIMITED, List.of("Objective " + tag + "prc")),
                        List.of(new Process.Redline("Government", List.of("No amnesty"))),
                        List.of("Back channel"),
                        List.of(new Process.Mediator("Church", MediatorRole.MEDIATOR)),
                        List.of(new Process.Risk(RiskKind.SPOILERS, "Splinter factions"))),
                new Results(
                        false,
                        List.of("Term " + tag + "res"),
                        List.of(new Results.Effect("Homicides", "14", "5-6", "2012", "Police")),
                        List.of(new Results.SideEffect(SideEffectKind.CONTAGION, "Copycats"))));
    }
}
