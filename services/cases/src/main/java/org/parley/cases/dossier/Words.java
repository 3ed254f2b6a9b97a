package org.parley.cases.dossier;

import org.parley.cases.api.codebook.Label;
import org.parley.policy.Tier;

/** The dossier's own words, in the codebook's two languages (its dimensions and values are the codebook's labels). */
final class Words {

    static final Label DOSSIER = new Label("Case dossier", "Expediente del caso");
    static final Label CASE = new Label("Case", "Caso");
    static final Label CEILING = new Label("Ceiling", "Límite de reserva");
    static final Label HEADER = new Label("Overview", "Datos generales");
    static final Label CONTEXT = new Label("Context", "Contexto");
    static final Label PROCESS = new Label("Process", "Proceso");
    static final Label RESULTS = new Label("Results", "Resultados");
    static final Label SOURCES = new Label("Sources", "Fuentes");
    static final Label NO_SOURCES = new Label("No sources are cited.", "No se cita ninguna fuente.");
    static final Label NOTHING_CODED = new Label("Nothing coded.", "Nada codificado.");
    static final Label EFFECTS_CHART = new Label("Effects: before and after", "Efectos: antes y después");
    static final Label NO_NUMBERS =
            new Label("No effect has numbers before and after.", "Ningún efecto tiene cifras de antes y después.");
    static final Label BEFORE = new Label("Before", "Antes");
    static final Label AFTER = new Label("After", "Después");
    static final Label INDICATOR = new Label("Indicator", "Indicador");
    static final Label CHANGE = new Label("Change", "Variación");
    static final Label UNIT = new Label("Unit", "Unidad");
    static final Label TIER = new Label("Secrecy tier", "Nivel de reserva");
    static final Label RESULTS_RELEASED = new Label("Results released", "Resultados divulgados");
    static final Label YES = new Label("Yes", "Sí");
    static final Label NO = new Label("No", "No");
    static final Label NONE = new Label("none", "ninguno");
    static final Label PAGE = new Label("page", "pág.");
    static final Label NOTE = new Label("note", "nota");
    static final Label EXCERPT = new Label("Interview excerpt", "Extracto de entrevista");
    static final Label PREPARED_FOR = new Label("Prepared for", "Preparado para");
    static final Label LEDGER = new Label("ledger entry", "entrada del registro");
    static final Label CONFIDENTIAL = new Label(
            "Confidential: this copy is recorded in Parley's ledger under the reader's name.",
            "Confidencial: esta copia consta en el registro de Parley a nombre de quien la lee.");

    private Words() {}

    /** A tier as people read it. */
    static Label tier(Tier tier) {
        return switch (tier) {
            case SECRET -> new Label("Secret", "Secreto");
            case RESULTS_PUBLIC -> new Label("Results public once released", "Resultados públicos tras su divulgación");
            case PUBLICLY_KNOWN -> new Label("Publicly known", "De conocimiento público");
        };
    }
}
