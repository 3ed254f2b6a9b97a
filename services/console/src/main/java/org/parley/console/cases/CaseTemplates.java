package org.parley.console.cases;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.parley.cases.api.CaseList;
import org.parley.console.web.Facets;

/** The case pages' templates: list and detail, shared by the signed-in pages and the public register; new case. */
@CheckedTemplate(basePath = "CasesResource")
public class CaseTemplates {

    public static native TemplateInstance list(
            Search search, CaseList result, List<Facets.Group> facets, String nextUrl, boolean publicView);

    public static native TemplateInstance detail(CasePage page);

    public static native TemplateInstance newCase(NewCaseForm form, NewCaseErrors errors);
}
