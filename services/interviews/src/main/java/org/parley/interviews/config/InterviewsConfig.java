package org.parley.interviews.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The interviews service's own settings; defaults documented here, profile overrides in application.properties. */
@ConfigMapping(prefix = "parley.interviews")
public interface InterviewsConfig {

    Encryption encryption();

    Keys keys();

    Limits limits();

    interface Encryption {
        /**
         * Field-level encryption of content and identities. Off only to measure its cost in the benchmark;
         * the service refuses to start in the prod profile with it off.
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface Keys {
        /** The content KEK: a Tink JSON keyset, base64-encoded (env PARLEY_INTERVIEWS_CONTENT_KEK). */
        Optional<String> contentKek();

        /** The identity-vault KEK, different from the content KEK (env PARLEY_INTERVIEWS_IDENTITY_KEK). */
        Optional<String> identityKek();

        /**
         * Where DEV-ONLY keysets live when no KEK comes from the environment; generated at first start.
         * Unset in prod, where both KEKs must come from the environment.
         */
        Optional<Path> devDirectory();
    }

    interface Limits {
        /** Largest transcript accepted, in UTF-8 bytes (200 KB). */
        @WithDefault("204800")
        int transcriptBytes();

        /** Largest notes field accepted, in UTF-8 bytes. */
        @WithDefault("65536")
        int notesBytes();

        /** Largest page a search returns. */
        @WithDefault("100")
        int maxPageSize();

        /**
         * Most rows one import file may hold: a real import is one transaction, and 500 interviews (with their
         * links, vault rows and events, in a file of at most 5 MiB) took 15 s on a shared 2-core machine.
         */
        @WithDefault("500")
        int importRows();
    }
}
