package org.parley.console.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message has its Spanish text, and the Spanish files name no message that does not exist. */
class BundlesTest {

    @ParameterizedTest
    @CsvSource({
        "org.parley.console.i18n.Msg, messages/msg_es.properties",
        "org.parley.console.i18n.Labels, messages/lbl_es.properties",
        "org.parley.console.i18n.CodedMsg, messages/coded_es.properties",
        "org.parley.console.i18n.LedgerMsg, messages/ledger_es.properties",
        "org.parley.console.i18n.TransferMsg, messages/xfer_es.properties",
        "org.parley.console.i18n.VaultMsg, messages/vault_es.properties",
        "org.parley.console.i18n.TodoMsg, messages/todomsg_es.properties",
        "org.parley.console.i18n.InterviewMsg, messages/iv_es.properties"
    })
    void spanishCoversTheWholeBundle(String bundle, String file) throws Exception {
        Set<String> methods = Arrays.stream(Class.forName(bundle).getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties spanish = load(file);
        assertThat(new TreeSet<>(spanish.stringPropertyNames())).isEqualTo(methods);
        assertThat(spanish.values())
                .allSatisfy(text -> assertThat(text.toString()).isNotBlank());
        assertThat(methods).hasSizeLessThanOrEqualTo(300); // one generated resolver per bundle
    }

    @Test
    void everyEventTypeOfTheLedgerHasItsName() throws Exception {
        for (String type : org.parley.events.api.LedgerEntryView.EVENT_TYPES) {
            assertThat(Labels.class.getDeclaredMethod("ledgerType_" + type))
                    .as(type)
                    .isNotNull();
        }
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
