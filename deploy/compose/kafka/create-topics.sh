#!/usr/bin/env bash
# Creates Parley's topics on the compose stack's single broker (auto-creation is off), then exits.
# Idempotent: run by the one-shot "kafka-init" service on every `docker compose up`.
# The list must match deploy/k8s/kafka/topics.yaml (deploy/validate.sh checks that it does).
set -euo pipefail

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
# 35 days: longer than the 30-day database point-in-time-recovery window, so that a service restored
# to any point in that window can replay what it missed (docs/operations.md, "Backups").
RETENTION_MS="${PARLEY_TOPIC_RETENTION_MS:-3024000000}"

# topic                              partitions
TOPICS="
parley.cases.v1                      6
parley.access.v1                     1
parley.interviews.v1                 6
parley.audit.v1                      6
parley.access.v1.dlq.cases           1
parley.access.v1.dlq.interviews      1
parley.access.v1.dlq.events          1
parley.cases.v1.dlq.access           1
parley.cases.v1.dlq.events           1
parley.interviews.v1.dlq.events      1
parley.audit.v1.dlq.events           1
"

while read -r topic partitions; do
  [ -z "${topic}" ] && continue
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "${BOOTSTRAP}" --create --if-not-exists \
    --topic "${topic}" --partitions "${partitions}" --replication-factor 1 \
    --config "retention.ms=${RETENTION_MS}" --config cleanup.policy=delete
done <<< "${TOPICS}"

# The ledger's signed checkpoints: compacted (one anchor per key, kept for ever), not deleted after RETENTION_MS.
# topic                              partitions
LEDGER_ANCHORS="
parley.ledger.v1                     1
"
while read -r topic partitions; do
  [ -z "${topic}" ] && continue
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "${BOOTSTRAP}" --create --if-not-exists \
    --topic "${topic}" --partitions "${partitions}" --replication-factor 1 --config cleanup.policy=compact
done <<< "${LEDGER_ANCHORS}"

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "${BOOTSTRAP}" --list
