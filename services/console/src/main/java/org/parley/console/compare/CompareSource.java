package org.parley.console.compare;

import org.parley.cases.api.CaseEffects;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseMatrix;
import org.parley.cases.api.CrossTab;
import org.parley.cases.api.TruthTable;

/**
 * Where a Compare page's answers come from: the cases service as the signed-in user (what they may see), or its
 * public register (what everyone may see). The page lays out whichever answers.
 */
interface CompareSource {

    CaseMatrix compare(String dims, CaseListFilters filters);

    CrossTab crosstab(String rows, String cols, CaseListFilters filters);

    TruthTable truthTable(String conditions, String outcome, CaseListFilters filters);

    CaseEffects effects(String indicator, CaseListFilters filters);

    /** The page's own address ({@code /compare}), and where its rows lead ({@code /cases/}). */
    String base();

    String caseBase();
}
