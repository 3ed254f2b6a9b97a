package org.parley.console.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.qute.i18n.Localized;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.Label;
import org.parley.cases.api.codebook.ResearchQuestion;
import org.parley.console.i18n.Labels;

/**
 * Formatting in the reader's language ({@code {inject:fmt...}} in templates): dates, instants, country
 * names, and the labels of the services' coded values, which live in the {@link Labels} bundle as
 * {@code <group>_<VALUE>} messages. A value the bundle does not know yet is shown as it comes.
 */
@RequestScoped
@Named("fmt")
public class Fmt {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final Map<String, Method> LABELS = labelMethods();

    private final Ctx ctx;
    private final Labels english;
    private final Labels spanish;

    @Inject
    public Fmt(Ctx ctx, Labels english, @Localized("es") Labels spanish) {
        this.ctx = ctx;
        this.english = english;
        this.spanish = spanish;
    }

    /** The label of a coded value, e.g. label('status', 'ACTIVE'). */
    public String label(String group, Object value) {
        if (value == null) {
            return "";
        }
        Method method = LABELS.get(group + "_" + value.toString().replaceAll("[^A-Za-z0-9_]", "_"));
        if (method == null) {
            return value.toString();
        }
        try {
            return (String) method.invoke("es".equals(ctx.lang()) ? spanish : english);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return value.toString();
        }
    }

    /**
     * A research question of the codebook (RQ1 to RQ8) in the reader's language, as the codebook words it (not
     * the message bundles); a code the codebook does not know is shown as it comes.
     */
    public String question(String code) {
        if (code == null) {
            return "";
        }
        return Codebook.standard()
                .researchQuestion(code)
                .map(ResearchQuestion::label)
                .map(label -> label.in(ctx.lang()))
                .orElse(code);
    }

    /**
     * The name of the codebook dimension with this key ({@code header.title}) in the reader's language, as the
     * codebook words it; a key the codebook does not know is shown as it comes.
     */
    public String dimension(String key) {
        return codebookText(key, Dimension::label).orElse(key);
    }

    /** How to code a dimension, in the reader's language, as the codebook words it; empty when it has none. */
    public String dimensionHelp(String key) {
        return codebookText(key, Dimension::help).orElse("");
    }

    /** A share from 0 to 1 as a whole percentage in the reader's language ("83%", "83 %"). */
    public String percent(double share) {
        return java.text.NumberFormat.getPercentInstance(Locale.forLanguageTag(ctx.lang()))
                .format(share);
    }

    /** A value of the comparison matrix: its label, or the labels of several joined by "; "; empty for none. */
    public String codedValues(String key, Object value) {
        if (value instanceof Collection<?> several) {
            return String.join(
                    "; ", several.stream().map(code -> codedValue(key, code)).toList());
        }
        return codedValue(key, value);
    }

    /**
     * The label of one value of a codebook dimension in the reader's language ("FRAGMENTED" of
     * context.groups.internalControl is "Fragmented: …" / "Fragmentado: …"; true and false are yes and no); an
     * unknown one as it comes.
     */
    public String codedValue(String key, Object code) {
        if (code == null) {
            return "";
        }
        if (code instanceof Boolean || "true".equals(code) || "false".equals(code)) {
            return yesNo(Boolean.valueOf(code.toString()));
        }
        return Codebook.standard()
                .dimension(key)
                .flatMap(d -> d.value(code.toString()))
                .map(value -> value.label().in(ctx.lang()))
                .orElse(code.toString());
    }

    private Optional<String> codebookText(String key, Function<Dimension, Label> text) {
        return Codebook.standard().dimension(key).map(text).map(label -> label.in(ctx.lang()));
    }

    /** An ISO date in the reader's language ("14 Mar 2012", "14 mar 2012"); anything else as it is. */
    public String date(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return LocalDate.parse(value)
                    .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(ctx.locale()));
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** A date in the reader's language. */
    public String date(LocalDate value) {
        return value == null ? "" : date(value.toString());
    }

    /** An instant as "2026-01-31 12:00 UTC". */
    public String instant(Instant value) {
        return value == null ? "" : INSTANT.format(value.atOffset(ZoneOffset.UTC));
    }

    /** An ISO instant as "2026-01-31 12:00 UTC"; anything else as it is. */
    public String instant(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return INSTANT.format(Instant.parse(value).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** The date part of an ISO instant, for date inputs. */
    public String day(String value) {
        return value == null || value.length() < 10 ? "" : value.substring(0, 10);
    }

    /** A country code as its name in the reader's language; an unknown code as it is. */
    public String country(String code) {
        if (code == null || code.length() != 2) {
            return code == null ? "" : code;
        }
        String name = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(ctx.locale());
        return name == null || name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }

    /** The first characters of a hash, for tables. */
    public String shortHash(String hash) {
        if (hash == null) {
            return "";
        }
        return hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }

    /** A list as lines, for a textarea. */
    public String lines(java.util.List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }

    /** Yes, no or unknown for an optional boolean. */
    public String yesNo(Boolean value) {
        return label("yesno", value == null ? "UNKNOWN" : value ? "YES" : "NO");
    }

    private static Map<String, Method> labelMethods() {
        Map<String, Method> methods = new HashMap<>();
        for (Method method : Labels.class.getMethods()) {
            if (method.getParameterCount() == 0 && method.getReturnType() == String.class) {
                methods.put(method.getName(), method);
            }
        }
        return methods;
    }
}
