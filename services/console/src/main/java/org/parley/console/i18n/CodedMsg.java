package org.parley.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the coded sections' views and forms that are not the codebook's own ({@code {coded:...}} in
 * templates), English by default, Spanish in {@code messages/coded_es.properties}.
 */
@MessageBundle(value = "coded", locale = "en")
public interface CodedMsg {

    @Message("Uncoded")
    String uncoded();

    @Message("None of these")
    String none_of_these();

    @Message("None")
    String none();

    @Message("Add another")
    String add_another();

    @Message("Remove this entry")
    String remove_entry();

    @Message("From")
    String low();

    @Message("To (empty for a single number)")
    String high();

    @Message("A year (2012), a month (2012-03) or a day (2012-03-14).")
    String date_hint();

    @Message("p.")
    String page();

    @Message("n.")
    String endnote();

    @Message("Interview excerpt")
    String excerpt();

    @Message("Sources")
    String sources();

    @Message("Enter a number, such as 1500 or 2.5.")
    String err_number();

    @Message("Enter a number between {min} and {max}.")
    String err_range(String min, String max);

    @Message("The first number of a range must not be above the second.")
    String err_reversed();

    @Message("Write a year (2012), a month (2012-03) or a day (2012-03-14).")
    String err_date();

    @Message("The date must not lie before 1900.")
    String err_date_early();

    @Message("The date must not lie more than a year in the future.")
    String err_date_future();

    @Message("The end must not lie before the start.")
    String err_before_start();

    @Message("Write at most {max} characters.")
    String err_too_long(String max);

    @Message("This text cannot be saved as it is.")
    String err_text();

    @Message("Choose one of the values offered.")
    String err_choice();

    @Message("There are more entries than a case may hold.")
    String err_too_many();

    @Message("The citations of this entry could not be kept: reload the page and edit again.")
    String err_sources();

    @Message("A value was refused that this form does not show.")
    String err_other();
}
