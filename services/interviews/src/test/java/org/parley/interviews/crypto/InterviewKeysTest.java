package org.parley.interviews.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Optional;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.interviews.config.InterviewsConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the service needs to start, in prod and in dev. */
class InterviewKeysTest {

    @TempDir
    Path directory;

    @Test
    void prodRefusesToStartWithEncryptionOff() {
        assertThatThrownBy(() -> InterviewKeys.load(config(false, keyset(), keyset(), null), true))
                .hasMessageContaining("encryption.enabled=false");
    }

    @Test
    void prodNeedsBothKeksFromTheEnvironmentAndNeverADevDirectory() {
        assertThatThrownBy(() -> InterviewKeys.load(config(true, keyset(), null, directory), true))
                .hasMessageContaining("PARLEY_INTERVIEWS_IDENTITY_KEK");
        assertThatThrownBy(() -> InterviewKeys.load(config(true, null, keyset(), directory), true))
                .hasMessageContaining("PARLEY_INTERVIEWS_CONTENT_KEK");
        assertThat(InterviewKeys.load(config(true, keyset(), keyset(), null), true))
                .hasSize(2);
    }

    @Test
    void oneKeysetForBothPurposesIsRefused() {
        String same = keyset();
        assertThatThrownBy(() -> InterviewKeys.load(config(true, same, same, null), true))
                .hasMessageContaining("share a key");
    }

    @Test
    void aMalformedKekIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> InterviewKeys.load(config(true, "c2VjcmV0LXZhbHVl", keyset(), null), true))
                .hasMessage("the content KEK is not a base64 Tink JSON keyset");
    }

    @Test
    void devGeneratesOwnerOnlyKeysetsOnceAndReusesThem() throws Exception {
        Kek[] first = InterviewKeys.load(config(true, null, null, directory), false);
        Kek[] second = InterviewKeys.load(config(true, null, null, directory), false);

        Path file = directory.resolve("DEV-ONLY-content-kek.json");
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(second[0].primaryKeyId()).isEqualTo(first[0].primaryKeyId());
        assertThat(second[1].primaryKeyId()).isEqualTo(first[1].primaryKeyId());
        assertThat(first[0].sharesKeyWith(first[1])).isFalse();
    }

    private static String keyset() {
        try {
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static InterviewsConfig config(boolean encryption, String content, String identity, Path dev) {
        return new InterviewsConfig() {
            @Override
            public Encryption encryption() {
                return () -> encryption;
            }

            @Override
            public Keys keys() {
                return new Keys() {
                    @Override
                    public Optional<String> contentKek() {
                        return Optional.ofNullable(content);
                    }

                    @Override
                    public Optional<String> identityKek() {
                        return Optional.ofNullable(identity);
                    }

                    @Override
                    public Optional<Path> devDirectory() {
                        return Optional.ofNullable(dev);
                    }
                };
            }

            @Override
            public Limits limits() {
                return null;
            }
        };
    }
}
