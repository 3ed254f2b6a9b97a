package org.parley.interviews.crypto;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The envelope scheme on its own: no database, no service. */
class EnvelopeCipherTest {

    private final Kek kek = Kek.generate("content");
    private final EnvelopeCipher cipher = new EnvelopeCipher("content", kek);

    @Test
    void aSealedFieldOpensWithItsOwnRecordAndField() {
        UUID id = UUID.randomUUID();
        EnvelopeCipher.DataKey key = cipher.newDataKey(id);
        byte[] sealed = key.seal("transcript", "the talks began in a prison chapel");

        EnvelopeCipher.DataKey reopened = cipher.openDataKey(id, key.wrapped(), key.kekKeyId());

        assertThat(reopened.open("transcript", sealed)).isEqualTo("the talks began in a prison chapel");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("prison");
        assertThat(key.kekKeyId()).isEqualTo(kek.primaryKeyId());
    }

    @Test
    void aCiphertextMovedToAnotherFieldFails() {
        UUID id = UUID.randomUUID();
        EnvelopeCipher.DataKey key = cipher.newDataKey(id);
        byte[] notes = key.seal("notes", "n");

        assertThatThrownBy(() -> key.open("transcript", notes))
                .isInstanceOf(RecordIntegrityException.class)
                .hasMessage("record " + id + " failed its integrity check on transcript");
    }

    @Test
    void aDataKeyMovedToAnotherRecordFails() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        EnvelopeCipher.DataKey key = cipher.newDataKey(first);

        assertThatThrownBy(() -> cipher.openDataKey(second, key.wrapped(), key.kekKeyId()))
                .isInstanceOf(RecordIntegrityException.class)
                .extracting("field")
                .isEqualTo("content data key");
    }

    @Test
    void anotherKekCannotUnwrap() {
        UUID id = UUID.randomUUID();
        EnvelopeCipher.DataKey key = cipher.newDataKey(id);
        EnvelopeCipher other = new EnvelopeCipher("content", Kek.generate("content"));

        assertThatThrownBy(() -> other.openDataKey(id, key.wrapped(), key.kekKeyId()))
                .isInstanceOf(RecordIntegrityException.class);
    }

    @Test
    void rewrappingMovesAKeyToTheNewVersionAndTheOldVersionCanGo() {
        UUID id = UUID.randomUUID();
        EnvelopeCipher.DataKey key = cipher.newDataKey(id);
        byte[] sealed = key.seal("quotes", "[]");
        int oldVersion = kek.primaryKeyId();

        int newVersion = kek.addVersion();
        EnvelopeCipher.Rewrapped rewrapped = cipher.rewrap(id, key.wrapped());
        kek.retireOldVersions();

        assertThat(rewrapped.kekKeyId()).isEqualTo(newVersion).isNotEqualTo(oldVersion);
        assertThat(kek.keyIds()).containsExactly(newVersion);
        assertThat(cipher.openDataKey(id, rewrapped.wrapped(), newVersion).open("quotes", sealed))
                .isEqualTo("[]");
        assertThatThrownBy(() -> cipher.openDataKey(id, key.wrapped(), oldVersion))
                .as("the old wrapping needs the retired version")
                .isInstanceOf(RecordIntegrityException.class);
    }

    @Test
    void contentAndIdentityKeksAreTold() {
        Kek identity = Kek.generate("identity");

        assertThat(kek.sharesKeyWith(identity)).isFalse();
        assertThat(kek.sharesKeyWith(kek)).isTrue();
        assertThat(kek.toString()).doesNotContain("value").startsWith("Kek[content");
    }
}
