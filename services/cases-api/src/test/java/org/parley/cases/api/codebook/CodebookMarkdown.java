package org.parley.cases.api.codebook;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a codebook as {@code docs/codebook.md}: the intro, one table per section and block, the questions. */
final class CodebookMarkdown {

    private CodebookMarkdown() {}

    static String render(Codebook codebook) {
        StringBuilder md = new StringBuilder();
        int values =
                codebook.dimensions().stream().mapToInt(d -> d.values().size()).sum();
        md.append("# Codebook\n\n");
        md.append("<!-- Generated from services/cases-api/src/main/resources/org/parley/cases/api/codebook.json by"
                + " CodebookDocTest (cases-api): edit the JSON, never this file. -->\n\n");
        md.append("Every coded dimension of a case, version ")
                .append(codebook.version())
                .append(": ")
                .append(codebook.blocks().size())
                .append(" blocks, ")
                .append(codebook.dimensions().size())
                .append(" dimensions, ")
                .append(values)
                .append(" values, in English and Spanish. The cases service answers the same codebook as JSON at"
                        + " `GET /codebook`, without a token. `docs/codebook-coverage.md` explains how it was drawn"
                        + " from the paper and the judgment calls behind it.\n\n");
        md.append("* **Key.** Every dimension has a stable key, `<section>.<path>` (e.g."
                + " `context.groups.internalControl`): forms, filters, facets and stored cases name it. A dimension"
                + " in a block (a repeated group: a case may have several negotiating entities, criminal groups,"
                + " risks…) has a key that starts with the block's key and one value per entry of the block.\n");
        md.append("* **Section.** HEADER, CONTEXT, PROCESS or RESULTS: the section decides who may see a"
                + " dimension's values, in a case, in lists, facets, totals and search alike (the secrecy model,"
                + " `docs/policy-matrix.csv`). The codebook itself names no case's values, so everyone may read"
                + " it.\n");
        md.append("* **Types.** ONE: one of the values. SEVERAL: any number of them (`[]` coded as none, absent"
                + " uncoded). NUMBER_OR_RANGE: a number or a low–high range in the unit, between min and max."
                + " DATE: a date. TEXT: free text, up to the length given. BOOLEAN: yes or no. *ordered*: the"
                + " values form a scale, listed in its order. *facet*: lists count cases by the dimension, and filter by it"
                + " (`GET /cases?coded=<key>:<value>`) and compare cases by it (`GET /cases/compare`, `crosstab`,"
                + " `truthtable`): every facet of CONTEXT, PROCESS and RESULTS (`CaseList.CODED_FACETS`), each counting"
                + " only cases whose section the reader may see; a list page counts the ones of"
                + " `CaseList.COUNTED_FACETS`.\n");
        md.append("* **Dates keep their precision.** A year-only date stays a year (`2012`), a month stays a month"
                + " (`2012-03`), a day is a day (`2012-03-08`); every date lies between 1900-01-01 and a year from"
                + " today.\n");
        md.append("* **Shape of a coded section.** The key is the path: `context.level` is the field `level` of the"
                + " CONTEXT document, `process.verification.methods` the field `methods` of its object"
                + " `verification`; a block is a list of objects (`\"groups\": [{\"type\": \"GANG\"}]`). Values:"
                + " ONE a code, SEVERAL a list of distinct codes, NUMBER_OR_RANGE `5` or `{\"low\": 5,"
                + " \"high\": 6}`, DATE `\"2012\"`, `\"2012-03\"` or `\"2012-03-14\"`, TEXT a string, BOOLEAN"
                + " `true`/`false`; `null` or absent is uncoded. An end (`end`, `…End`) may not lie before its"
                + " start. Any object may cite sources for its values, `\"sources\": {\"internalControl\":"
                + " [{\"publication\": \"…\", \"page\": \"12\", \"endnote\": 31}, {\"excerpt\": \"<interview id>/<quote number>\"}]}`."
                + " `CodedSection` (cases-api) checks a section against this codebook and names every field it"
                + " refuses, e.g. `context.groups[1].internalControl`.\n");
        md.append("* **Stored and answered in this shape.** The cases service stores every section this way:"
                + " `GET /cases/{id}/coded` reads a case (only the sections the reader may see),"
                + " `PUT`/`PATCH /cases/{id}/coded/{section}` writes one, checked against this codebook. A citation"
                + " of an interview excerpt is answered only to a reader who may see that excerpt (the interviews"
                + " service decides, asked with the reader's own token; without its answer no excerpt citation is"
                + " answered); to anyone else the value comes without it. The first shape"
                + " (`GET /cases/{id}`, `PATCH /cases/{id}/{section}`) is derived from it; `migratedFrom` names the"
                + " field of that shape a dimension maps to (migration V4 moved stored cases with that mapping).\n\n");
        md.append("Values read `CODE` English / Spanish; the code is what a case stores.\n");
        for (String section : codebook.sections()) {
            md.append("\n## ").append(section).append("\n");
            List<Dimension> single = codebook.dimensions().stream()
                    .filter(d -> section.equals(d.section()) && d.block() == null)
                    .toList();
            if (!single.isEmpty()) {
                md.append("\n### Once per case\n\n");
                table(md, single);
            }
            for (Block block : codebook.blocks()) {
                if (!section.equals(block.section())) {
                    continue;
                }
                md.append("\n### ")
                        .append(cell(block.label().en()))
                        .append(" / ")
                        .append(cell(block.label().es()))
                        .append("\n\n");
                md.append("Block `")
                        .append(block.key())
                        .append("`, up to ")
                        .append(block.max())
                        .append(" entries; paper heading: ")
                        .append(cell(block.heading()))
                        .append(".\n\n");
                table(md, codebook.inBlock(block.key()));
            }
        }
        md.append("\n## Research questions\n\n");
        md.append("The agenda's questions; interviews and excerpts will be tagged with the ones they inform.\n\n");
        md.append("| Code | Question | Pregunta | Dimensions |\n|---|---|---|---|\n");
        for (ResearchQuestion question : codebook.researchQuestions()) {
            md.append("| ")
                    .append(question.code())
                    .append(" | ")
                    .append(cell(question.label().en()))
                    .append(" | ")
                    .append(cell(question.label().es()))
                    .append(" | ")
                    .append(keys(question.dimensions()))
                    .append(" |\n");
        }
        md.append("\n## Coverage of the paper\n\n");
        md.append("Which dimensions code each heading of the paper; every dimension is named at least once.\n\n");
        md.append("| Paper heading | Dimensions |\n|---|---|\n");
        for (Coverage entry : codebook.coverage()) {
            md.append("| ")
                    .append(cell(entry.heading()))
                    .append(" | ")
                    .append(keys(entry.dimensions()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<Dimension> dimensions) {
        md.append("| Key | Type | Values | Paper heading |\n|---|---|---|---|\n");
        for (Dimension d : dimensions) {
            md.append("| `")
                    .append(d.key())
                    .append("`<br>")
                    .append(cell(d.label().en()))
                    .append(" / ")
                    .append(cell(d.label().es()))
                    .append(" | ")
                    .append(type(d))
                    .append(" | ")
                    .append(d.values().stream()
                            .map(v -> "`" + v.code() + "` " + cell(v.label().en()) + " / "
                                    + cell(v.label().es()))
                            .collect(Collectors.joining("<br>")))
                    .append(" | ")
                    .append(cell(d.heading()))
                    .append(" |\n");
        }
    }

    private static String type(Dimension d) {
        StringBuilder type = new StringBuilder(d.type().name());
        if (d.type() == DimensionType.NUMBER_OR_RANGE) {
            type.append(" (");
            if (d.unit() != null) {
                type.append(cell(d.unit().en()))
                        .append(" / ")
                        .append(cell(d.unit().es()));
            }
            if (d.min() != null || d.max() != null) {
                type.append(d.unit() != null ? "; " : "")
                        .append(number(d.min()))
                        .append("–")
                        .append(number(d.max()));
            }
            type.append(')');
        }
        if (d.type() == DimensionType.TEXT && d.maxLength() != null) {
            type.append(" (≤ ").append(d.maxLength()).append(" chars)");
        }
        if (d.ordered()) {
            type.append(", ordered");
        }
        if (d.facet()) {
            type.append(", facet");
        }
        return type.toString();
    }

    private static String number(Double value) {
        return value == null
                ? ""
                : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    private static String keys(List<String> keys) {
        return keys.stream().map(key -> "`" + key + "`").collect(Collectors.joining(", "));
    }

    /** Text safe in a table cell: no pipe, no line break. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
