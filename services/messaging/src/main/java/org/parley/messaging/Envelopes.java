package org.parley.messaging;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import org.jspecify.annotations.Nullable;
import org.parley.proto.v1.Actor;
import org.parley.proto.v1.Envelope;

/** Building and reading envelopes, so every service stamps and checks them the same way. */
public final class Envelopes {

    private Envelopes() {}

    /**
     * An envelope about one case (or none), by one actor (or none), with a fresh event id, stamped at the instant
     * the change happened (the service's clock).
     */
    public static Envelope.Builder about(
            @Nullable String caseId,
            @Nullable String actorSubject,
            @Nullable String actorOrganisation,
            Instant occurredAt) {
        Envelope.Builder builder =
                Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(occurredAt));
        if (caseId != null) {
            builder.setCaseId(caseId);
        }
        if (actorSubject != null) {
            builder.setActor(Actor.newBuilder()
                    .setSubject(actorSubject)
                    .setOrganisation(actorOrganisation == null ? "" : actorOrganisation));
        }
        return builder;
    }

    /** The payload's message name ("CaseOpened"), which is also the envelope's type. */
    public static String typeOf(Envelope.Builder envelope) {
        FieldDescriptor field = payloadField(envelope.getPayloadCase().getNumber());
        if (field == null) {
            throw new IllegalArgumentException("an envelope needs a payload");
        }
        return field.getMessageType().getName();
    }

    /**
     * Reads an envelope from Kafka bytes and checks what every consumer relies on. Anything else is a
     * poison message; the exception names no content, so it is safe in a dead-letter header.
     */
    public static Envelope parse(byte[] bytes) {
        Envelope envelope;
        try {
            envelope = Envelope.parseFrom(bytes);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new PoisonEventException("unreadable envelope");
        }
        if (envelope.getPayloadCase() == Envelope.PayloadCase.PAYLOAD_NOT_SET) {
            throw new PoisonEventException("envelope without a known payload");
        }
        try {
            UUID.fromString(envelope.getEventId());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("envelope without a valid event id");
        }
        FieldDescriptor field = payloadField(envelope.getPayloadCase().getNumber());
        if (!field.getMessageType().getName().equals(envelope.getType())) {
            throw new PoisonEventException("envelope type does not match its payload");
        }
        return envelope;
    }

    /**
     * The event id of bytes that may not be a valid envelope, when it can be read at all: for the
     * provenance headers of a dead-letter record. Never throws.
     */
    public static Optional<String> readableEventId(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            String eventId = Envelope.parseFrom(bytes).getEventId();
            return Optional.of(UUID.fromString(eventId).toString());
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static FieldDescriptor payloadField(int number) {
        return Envelope.getDescriptor().findFieldByNumber(number);
    }
}
