package org.parley.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of exports, the dossier and the import page ({@code {xfer:...}} in templates), English by default,
 * Spanish in {@code messages/xfer_es.properties}. Actions and kinds of import are {@link Labels}
 * ({@code importAction_*}, {@code importKind_*}).
 */
@MessageBundle(value = "xfer", locale = "en")
public interface TransferMsg {

    @Message("Export")
    String export_heading();

    @Message("Every case this list shows, with the sections you may see, up to the ceiling.")
    String export_hint();

    @Message("Ceiling")
    String ceiling();

    @Message("Export CSV")
    String export_csv();

    @Message("Export JSON")
    String export_json();

    @Message("Dossier (PDF)")
    String dossier_pdf();

    @Message("Import")
    String nav_import();

    @Message("Import")
    String import_title();

    @Message("Upload a file of cases or interviews. You first see what each row would do; nothing is written until"
            + " you confirm, and then every row is imported or none.")
    String import_intro();

    @Message("What the file holds")
    String import_kind();

    @Message("File")
    String import_file();

    @Message("At most 5 MiB and 500 rows. Each row needs an externalReference: a rerun of the same file creates"
            + " nothing twice.")
    String import_file_hint();

    @Message("Check the file")
    String import_check();

    @Message("Choose a file to import.")
    String no_file();

    @Message("The file was refused:")
    String file_refused();

    @Message("Dry run of {fileName}: nothing has been written yet.")
    String dry_run_intro(String fileName);

    @Message("Imported.")
    String import_done();

    @Message("Some rows have errors: nothing was imported.")
    String import_refused();

    @Message("To create: {created} · to update: {updated} · unchanged: {unchanged} · with errors: {errors}")
    String summary(int created, int updated, int unchanged, int errors);

    @Message("Row")
    String col_row();

    @Message("External reference")
    String col_reference();

    @Message("Action")
    String col_action();

    @Message("Errors")
    String col_errors();

    @Message("Confirm import")
    String confirm_import();

    @Message("{#if count == 1}Importing 1 row…{#else}Importing {count} rows…{/if}")
    String importing(int count);

    @Message("Correct the rows with errors in your file and check it again.")
    String fix_and_retry();

    @Message("Nothing to import: every row was imported before.")
    String nothing_to_import();

    @Message("Import another file")
    String import_another();
}
