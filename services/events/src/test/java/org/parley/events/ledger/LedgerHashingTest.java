package org.parley.events.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.events.api.VerificationReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pure tests of the hashing, the checkpoint keys and the per-entry checks: milliseconds, no stack. */
class LedgerHashingTest {

    static LedgerEntry entry(long sequence, String prevHash) {
        LedgerEntry draft = new LedgerEntry(
                sequence,
                UUID.nameUUIDFromBytes(("e" + sequence).getBytes()).toString(),
                "RestrictedRead",
                "7c1a4a0e-0b4e-4d7e-9a43-3f1f5f0c2a11",
                "subject-1",
                "ifit",
                "ifit",
                Instant.parse("2026-01-02T03:04:05.123456789Z"),
                Instant.parse("2026-01-02T03:04:06.000001Z"),
                "ab".repeat(32),
                prevHash,
                null);
        return withHash(draft, LedgerHashing.hashOf(draft));
    }

    static LedgerEntry withHash(LedgerEntry e, String hash) {
        return new LedgerEntry(
                e.sequence(),
                e.eventId(),
                e.type(),
                e.caseId(),
                e.actorSubject(),
                e.actorOrganisation(),
                e.owningOrganisation(),
                e.occurredAt(),
                e.recordedAt(),
                e.eventDigest(),
                e.prevHash(),
                hash);
    }

    @Test
    void theHashIsStableAndUsesMicrosecondsLikeTheDatabase() {
        LedgerEntry one = entry(1, LedgerHashing.GENESIS);
        LedgerEntry truncated = new LedgerEntry(
                1,
                one.eventId(),
                one.type(),
                one.caseId(),
                one.actorSubject(),
                one.actorOrganisation(),
                one.owningOrganisation(),
                Instant.parse("2026-01-02T03:04:05.123456Z"),
                one.recordedAt(),
                one.eventDigest(),
                one.prevHash(),
                null);
        assertThat(LedgerHashing.hashOf(truncated)).isEqualTo(one.hash()).hasSize(64);
    }

    @Test
    void everyFieldAndThePreviousHashChangeTheHash() {
        LedgerEntry base = entry(5, "11".repeat(32));
        List<LedgerEntry> variants = List.of(
                entry(6, "11".repeat(32)),
                entry(5, "12".repeat(32)),
                new LedgerEntry(
                        5,
                        base.eventId(),
                        "AccessDenied",
                        base.caseId(),
                        base.actorSubject(),
                        base.actorOrganisation(),
                        base.owningOrganisation(),
                        base.occurredAt(),
                        base.recordedAt(),
                        base.eventDigest(),
                        base.prevHash(),
                        null),
                new LedgerEntry(
                        5,
                        base.eventId(),
                        base.type(),
                        null,
                        base.actorSubject(),
                        base.actorOrganisation(),
                        base.owningOrganisation(),
                        base.occurredAt(),
                        base.recordedAt(),
                        base.eventDigest(),
                        base.prevHash(),
                        null),
                new LedgerEntry(
                        5,
                        base.eventId(),
                        base.type(),
                        base.caseId(),
                        "subject-2",
                        base.actorOrganisation(),
                        base.owningOrganisation(),
                        base.occurredAt(),
                        base.recordedAt(),
                        base.eventDigest(),
                        base.prevHash(),
                        null),
                new LedgerEntry(
                        5,
                        base.eventId(),
                        base.type(),
                        base.caseId(),
                        base.actorSubject(),
                        "oas",
                        base.owningOrganisation(),
                        base.occurredAt(),
                        base.recordedAt(),
                        base.eventDigest(),
                        base.prevHash(),
                        null),
                new LedgerEntry(
                        5,
                        base.eventId(),
                        base.type(),
                        base.caseId(),
                        base.actorSubject(),
                        base.actorOrganisation(),
                        "",
                        base.occurredAt(),
                        base.recordedAt(),
                        base.eventDigest(),
                        base.prevHash(),
                        null),
                new LedgerEntry(
                        5,
                        base.eventId(),
                        base.type(),
                        base.caseId(),
                        base.actorSubject(),
                        base.actorOrganisation(),
                        base.owningOrganisation(),
                        base.occurredAt().plusMillis(1),
                        base.recordedAt(),
                        base.eventDigest(),
                        base.prevHash(),
                        null),
                new LedgerEntry(
                        5,
                        base.eventId(),
                        base.type(),
                        base.caseId(),
                        base.actorSubject(),
                        base.actorOrganisation(),
                        base.owningOrganisation(),
                        base.occurredAt(),
                        base.recordedAt(),
                        "cd".repeat(32),
                        base.prevHash(),
                        null));
        for (LedgerEntry variant : variants) {
            assertThat(LedgerHashing.hashOf(variant)).isNotEqualTo(base.hash());
        }
    }

    @Test
    void theVerifierNamesTheFirstProblemOfAnEntry() {
        LedgerEntry first = entry(1, LedgerHashing.GENESIS);
        LedgerEntry second = entry(2, first.hash());
        assertThat(ChainLinks.check(first, 0, LedgerHashing.GENESIS)).isNull();
        assertThat(ChainLinks.check(second, 1, first.hash())).isNull();

        assertThat(ChainLinks.check(second, 0, LedgerHashing.GENESIS).problem())
                .isEqualTo(VerificationReport.Problem.MISSING_ENTRY);
        VerificationReport.BrokenLink relinked = ChainLinks.check(second, 1, "ff".repeat(32));
        assertThat(relinked.problem()).isEqualTo(VerificationReport.Problem.PREV_HASH_MISMATCH);
        assertThat(relinked.expected()).isEqualTo("ff".repeat(32));
        assertThat(relinked.found()).isEqualTo(first.hash());
        VerificationReport.BrokenLink edited = ChainLinks.check(withHash(second, "00".repeat(32)), 1, first.hash());
        assertThat(edited.problem()).isEqualTo(VerificationReport.Problem.HASH_MISMATCH);
        assertThat(edited.expected()).isEqualTo(second.hash());
    }

    @Test
    void checkpointsVerifyWithTheDerivedPublicKeyOnly() {
        String privateKey = CheckpointKeys.generatePrivateKey();
        CheckpointKeys signing = CheckpointKeys.signingWith(privateKey, List.of());
        String signature = signing.sign(42, "aa".repeat(32));

        CheckpointKeys verifyOnly = CheckpointKeys.verifyingWith(List.of(signing.publicKeyBase64()));
        assertThat(verifyOnly.verify(signing.signingKeyId(), 42, "aa".repeat(32), signature))
                .isTrue();
        assertThat(verifyOnly.verify(signing.signingKeyId(), 43, "aa".repeat(32), signature))
                .isFalse();
        assertThat(verifyOnly.verify(signing.signingKeyId(), 42, "ab".repeat(32), signature))
                .isFalse();

        CheckpointKeys other = CheckpointKeys.signingWith(CheckpointKeys.generatePrivateKey(), List.of());
        assertThat(other.verify(signing.signingKeyId(), 42, "aa".repeat(32), signature))
                .isFalse();
        CheckpointKeys rotated =
                CheckpointKeys.signingWith(CheckpointKeys.generatePrivateKey(), List.of(signing.publicKeyBase64()));
        assertThat(rotated.verify(signing.signingKeyId(), 42, "aa".repeat(32), signature))
                .isTrue();
    }

    @Test
    void aBadKeyIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> CheckpointKeys.signingWith("bm90LWEta2V5LXNlY3JldA==", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("bm90LWEta2V5LXNlY3JldA==");
    }
}
