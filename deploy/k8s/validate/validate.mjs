// Offline validation of deploy/k8s: `npm ci && node validate.mjs`.
// Every YAML document under deploy/k8s is checked and gets one line:
//  * built-in kinds: the kubernetes-models schema (types, required fields, quantities, formats) and a
//    strict unknown-field check against the API's field lists (@kubernetes/client-node models), as
//    `kubectl apply` with strict field validation would do;
//  * the operators' custom resources: the schemas in crd-schemas.mjs;
//  * Parley's own rules (hardening, probes, single ledger writer, topics, ACLs, secrets by reference).
// Then cross-file checks, one line each. Ends with "N passed, M failed"; exit code 1 on any failure.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import Ajv from 'ajv';
import * as k8s from '@kubernetes/client-node';
import { Deployment } from 'kubernetes-models/apps/v1';
import { ConfigMap, Namespace, Service, ServiceAccount } from 'kubernetes-models/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { schemas, strimziForbiddenConfigPrefixes } from './crd-schemas.mjs';
import { renderRealmImport, realmImportYaml } from './sync-realm.mjs';
import { SERVICES, contract } from './contract.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const k8sDir = join(here, '..');
const deployDir = join(k8sDir, '..');
const repoDir = join(deployDir, '..');

// What each service reads (its application.properties); the Quarkus names where it has none yet.
const CONTRACTS = Object.fromEntries(
  Object.keys(SERVICES).map((name) => [
    name,
    contract(name) ?? {
      variables: ['KAFKA_BOOTSTRAP_SERVERS'],
      datasource: { url: 'QUARKUS_DATASOURCE_JDBC_URL', user: 'QUARKUS_DATASOURCE_USERNAME', password: 'QUARKUS_DATASOURCE_PASSWORD' },
      consumes: null,
      missing: true,
    },
  ]),
);
const configMapKeys = (name) => Object.keys(resources.find((r) => r.doc.kind === 'ConfigMap' && r.doc.metadata.name === name)?.doc.data ?? {});

// apiVersion/kind -> [kubernetes-models class, @kubernetes/client-node model name]
const BUILT_IN = {
  'v1/Namespace': [Namespace, 'V1Namespace'],
  'v1/ConfigMap': [ConfigMap, 'V1ConfigMap'],
  'v1/Service': [Service, 'V1Service'],
  'v1/ServiceAccount': [ServiceAccount, 'V1ServiceAccount'],
  'apps/v1/Deployment': [Deployment, 'V1Deployment'],
  'policy/v1/PodDisruptionBudget': [PodDisruptionBudget, 'V1PodDisruptionBudget'],
  'autoscaling/v2/HorizontalPodAutoscaler': [HorizontalPodAutoscaler, 'V2HorizontalPodAutoscaler'],
  'networking.k8s.io/v1/NetworkPolicy': [NetworkPolicy, 'V1NetworkPolicy'],
};

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
const crdValidators = Object.fromEntries(Object.entries(schemas).map(([key, schema]) => [key, ajv.compile(schema)]));

let passed = 0;
let failed = 0;
function report(label, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`ok    ${label}`);
  } else {
    failed++;
    console.log(`FAIL  ${label}`);
    for (const problem of problems) console.log(`        - ${problem}`);
  }
}

// ---- load ----------------------------------------------------------------------------------------
function yamlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'validate' && name !== 'node_modules') out.push(...yamlFiles(path));
    } else if (/\.ya?ml$/.test(name)) {
      out.push(path);
    }
  }
  return out;
}

const resources = []; // { file, doc, key, id }
let kustomization = null;
const fileProblems = [];
for (const path of yamlFiles(k8sDir)) {
  const file = relative(k8sDir, path);
  const docs = parseAllDocuments(readFileSync(path, 'utf8'), { uniqueKeys: true, merge: false });
  for (const [index, document] of docs.entries()) {
    if (document.errors.length > 0) {
      fileProblems.push([`${file} document ${index + 1}`, document.errors.map((e) => e.message)]);
      continue;
    }
    const doc = document.toJS();
    if (doc === null || doc === undefined) continue; // a comment-only document
    const key = `${doc.apiVersion}/${doc.kind}`;
    const id = `${doc.kind}/${doc.metadata?.name ?? '(no name)'}`;
    if (doc.kind === 'Kustomization') kustomization = { file, doc };
    resources.push({ file, doc, key, id });
  }
}
for (const [label, problems] of fileProblems) report(`YAML ${label}`, problems);

// ---- generic checks -------------------------------------------------------------------------------
function formatAjv(errors) {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`);
}

// Unknown fields, walking the API's own field lists.
function unknownFields(value, type, path, problems) {
  if (value === null || value === undefined) return;
  let match;
  if ((match = /^Array<(.+)>$/.exec(type))) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownFields(item, match[1], `${path}[${i}]`, problems));
    return;
  }
  if ((match = /^\{ \[key: string\]: (.+); \}$/.exec(type))) {
    if (typeof value === 'object') for (const [k, v] of Object.entries(value)) unknownFields(v, match[1], `${path}.${k}`, problems);
    return;
  }
  const model = k8s[type];
  if (!model || typeof model.getAttributeTypeMap !== 'function' || typeof value !== 'object' || Array.isArray(value)) return;
  const attributes = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [field, fieldValue] of Object.entries(value)) {
    if (!attributes.has(field)) problems.push(`unknown field ${path}.${field}`);
    else unknownFields(fieldValue, attributes.get(field), `${path}.${field}`, problems);
  }
}

function validateBuiltIn(doc, [Model, clientModel]) {
  const problems = [];
  try {
    new Model(doc).validate();
  } catch (e) {
    problems.push(...String(e.message).split(', '));
  }
  unknownFields(doc, clientModel, '', problems);
  return problems;
}

// ---- Parley's rules per kind -------------------------------------------------------------------------
const SECRET_ENV = /(PASSWORD|SECRET|KEK|SIGNING_KEY|JAAS)/;

function deploymentRules(doc) {
  const problems = [];
  const name = doc.metadata.name;
  const spec = doc.spec ?? {};
  const pod = spec.template?.spec ?? {};
  if (!(name in SERVICES)) problems.push(`unexpected Deployment ${name}`);
  if (name === 'events') {
    if (spec.replicas !== 1) problems.push('events must run exactly one replica (single ledger writer)');
    if (spec.strategy?.type !== 'Recreate') problems.push('events must use the Recreate strategy (never two ledger writers)');
  } else if (spec.replicas !== undefined && spec.replicas < 2) {
    problems.push('stateless services run at least 2 replicas');
  }
  if (pod.securityContext?.runAsNonRoot !== true) problems.push('pod securityContext.runAsNonRoot must be true');
  if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') problems.push('pod seccompProfile must be RuntimeDefault');
  if (pod.automountServiceAccountToken !== false) problems.push('automountServiceAccountToken must be false');
  for (const c of pod.containers ?? []) {
    const sc = c.securityContext ?? {};
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${c.name}: readOnlyRootFilesystem must be true`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${c.name}: allowPrivilegeEscalation must be false`);
    if (JSON.stringify(sc.capabilities?.drop) !== '["ALL"]') problems.push(`${c.name}: capabilities must drop ALL`);
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory) problems.push(`${c.name}: cpu and memory requests required`);
    if (!c.resources?.limits?.memory) problems.push(`${c.name}: memory limit required`);
    const port = c.ports?.find((p) => p.name === 'http')?.containerPort;
    if (port !== SERVICES[name]) problems.push(`${c.name}: http port ${port}, expected ${SERVICES[name]}`);
    // Health and metrics answer on the management port only (the API port answers them 404).
    const management = c.ports?.find((p) => p.name === 'management')?.containerPort;
    if (management !== SERVICES[name] + 1000) problems.push(`${c.name}: management port ${management}, expected ${SERVICES[name] + 1000}`);
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
      if (c[probe]?.httpGet?.port !== 'management') problems.push(`${c.name}: ${probe} must use the management port`);
    }
    if (spec.template?.metadata?.annotations?.['prometheus.io/port'] !== String(SERVICES[name] + 1000)) problems.push(`${c.name}: prometheus.io/port must be the management port`);
    for (const host of ['QUARKUS_HTTP_HOST', 'QUARKUS_MANAGEMENT_HOST']) {
      if ((c.env ?? []).find((e) => e.name === host)?.value !== '0.0.0.0') problems.push(`${c.name}: ${host}=0.0.0.0 required (the services default to 127.0.0.1)`);
    }
    if (c.readinessProbe?.httpGet?.path !== '/q/health/ready') problems.push(`${c.name}: readiness probe must be /q/health/ready`);
    if (c.livenessProbe?.httpGet?.path !== '/q/health/live') problems.push(`${c.name}: liveness probe must be /q/health/live`);
    if (!c.startupProbe?.httpGet?.path?.startsWith('/q/health/')) problems.push(`${c.name}: startup probe on /q/health/ required`);
    if (!c.volumeMounts?.some((m) => m.mountPath === '/tmp')) problems.push(`${c.name}: a writable /tmp is needed with a read-only root`);
    const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e]));
    const envFromConfigMaps = (c.envFrom ?? []).map((e) => e.configMapRef?.name).filter(Boolean);
    const provided = new Set([...Object.keys(env), ...envFromConfigMaps.flatMap(configMapKeys)]);
    for (const e of c.env ?? []) {
      if (SECRET_ENV.test(e.name) && (e.value !== undefined || !e.valueFrom?.secretKeyRef)) {
        problems.push(`${c.name}: ${e.name} must come from a Secret (secretKeyRef), never a literal`);
      }
    }
    const wanted = CONTRACTS[name];
    for (const variable of new Set([...wanted.variables, ...Object.values(wanted.datasource), 'KAFKA_SASL_JAAS_CONFIG', 'QUARKUS_PROFILE'])) {
      if (!provided.has(variable)) problems.push(`${c.name}: ${variable} missing (the service reads it)`);
    }
    if (!envFromConfigMaps.includes('parley-service-env')) problems.push(`${c.name}: envFrom parley-service-env missing`);
    const jdbc = env[wanted.datasource.url]?.value ?? '';
    if (!jdbc.startsWith(`jdbc:postgresql://${name}-db-rw:5432/${name}?`) || !jdbc.includes('sslmode=verify-full')) {
      problems.push(`${c.name}: must use its own database ${name}-db-rw with sslmode=verify-full`);
    }
    if (env[wanted.datasource.password]?.valueFrom?.secretKeyRef?.name !== `${name}-db-credentials`) {
      problems.push(`${c.name}: database password must come from ${name}-db-credentials`);
    }
    if (env.KAFKA_SASL_JAAS_CONFIG?.valueFrom?.secretKeyRef?.name !== `parley-${name}`) {
      problems.push(`${c.name}: Kafka credentials must be the KafkaUser parley-${name}'s`);
    }
    if (name === 'interviews') {
      for (const v of ['PARLEY_INTERVIEWS_CONTENT_KEK', 'PARLEY_INTERVIEWS_IDENTITY_KEK']) if (!env[v]) problems.push(`${v} missing`);
      if (env.PARLEY_INTERVIEWS_CONTENT_KEK?.valueFrom?.secretKeyRef?.key === env.PARLEY_INTERVIEWS_IDENTITY_KEK?.valueFrom?.secretKeyRef?.key) {
        problems.push('content and identity KEKs must be different keys');
      }
    }
    if (name === 'events' && !env.PARLEY_LEDGER_SIGNING_KEY?.valueFrom?.secretKeyRef) problems.push('PARLEY_LEDGER_SIGNING_KEY missing');
  }
  if (spec.template?.metadata?.labels?.['parley.org/kafka-client'] !== 'true') problems.push('pod needs the parley.org/kafka-client label');
  return problems;
}

// The ledger's signed checkpoints (anchors), kept outside the events database: written by the events service's
// relay and read back whole by its verification with a plain Kafka client (no channel, so no dead letters), and
// compacted, so one anchor per key lives for ever.
const LEDGER_ANCHORS = 'parley.ledger.v1';

function topicRules(doc) {
  const problems = [];
  const name = doc.spec?.topicName ?? doc.metadata.name;
  const spec = doc.spec ?? {};
  if (spec.replicas !== 3) problems.push('replicas must be 3');
  if (String(spec.config?.['min.insync.replicas']) !== '2') problems.push('min.insync.replicas must be 2');
  if (name === LEDGER_ANCHORS) {
    if (spec.config?.['cleanup.policy'] !== 'compact') problems.push(`${LEDGER_ANCHORS} must be compacted`);
  } else if (!spec.config?.['retention.ms']) problems.push('retention.ms required');
  if (name === 'parley.access.v1' && spec.partitions !== 1) problems.push('parley.access.v1 must have exactly one partition');
  if (!/^parley\.[a-z]+\.v[0-9]+(\.dlq\.(cases|interviews|access|events))?$/.test(name)) problems.push(`unexpected topic name ${name}`);
  return problems;
}

function kafkaRules(doc) {
  const problems = [];
  const kafka = doc.spec?.kafka ?? {};
  const config = kafka.config ?? {};
  for (const key of Object.keys(config)) {
    if (strimziForbiddenConfigPrefixes.some((p) => key.startsWith(p))) problems.push(`config ${key} is managed by Strimzi`);
  }
  if (String(config['min.insync.replicas']) !== '2') problems.push('min.insync.replicas must be 2');
  if (String(config['default.replication.factor']) !== '3') problems.push('default.replication.factor must be 3');
  if (String(config['auto.create.topics.enable']) !== 'false') problems.push('auto.create.topics.enable must be false');
  if (kafka.authorization?.type !== 'simple') problems.push('ACL authorization (simple) required');
  for (const l of kafka.listeners ?? []) {
    if (!l.tls || !l.authentication) problems.push(`listener ${l.name} must use TLS and authentication`);
    if (!l.networkPolicyPeers?.length) problems.push(`listener ${l.name} must restrict its peers`);
  }
  if (doc.metadata.annotations?.['strimzi.io/kraft'] !== 'enabled') problems.push('KRaft annotation missing');
  return problems;
}

const rules = {
  'apps/v1/Deployment': deploymentRules,
  'kafka.strimzi.io/v1beta2/KafkaTopic': topicRules,
  'kafka.strimzi.io/v1beta2/Kafka': kafkaRules,
  'kafka.strimzi.io/v1beta2/KafkaNodePool': (doc) =>
    doc.spec.replicas >= 3 && doc.spec.roles.includes('controller') && doc.spec.roles.includes('broker')
      ? []
      : ['three controller+broker nodes expected'],
  'postgresql.cnpg.io/v1/Cluster': (doc) => {
    const problems = [];
    if (doc.spec.enableSuperuserAccess !== false) problems.push('superuser access must be disabled');
    if (!doc.spec.plugins?.some((p) => p.isWALArchiver)) problems.push('continuous WAL archiving required');
    if (!doc.spec.postgresql?.pg_hba?.some((l) => /^hostnossl .* reject$/.test(l))) problems.push('non-TLS connections must be rejected');
    if (doc.spec.bootstrap?.initdb?.secret?.name !== `${doc.spec.bootstrap?.initdb?.database}-db-credentials`) {
      problems.push('owner credentials must come from <database>-db-credentials');
    }
    return problems;
  },
  'v1/ConfigMap': (doc) => {
    const problems = [];
    for (const [key, value] of Object.entries(doc.data ?? {})) {
      // Environment entries (KEY: value) and properties files (key=value lines, comments skipped).
      const entries = /\n/.test(value)
        ? value.split('\n').filter((l) => /^\s*[^#\s][^=]*=/.test(l)).map((l) => l.split('=', 2).map((s) => s.trim()))
        : [[key, value]];
      for (const [name, setting] of entries) {
        if (/cors.origins/i.test(name) && setting.split(',').some((o) => o.trim() === '*')) problems.push(`${name}: CORS origins must never be *`);
        if (/(password|secret|jaas|kek|signing)/i.test(name)) problems.push(`${name}: a ConfigMap must not carry secrets`);
      }
    }
    return problems;
  },
};

// ---- per-resource lines ----------------------------------------------------------------------------
for (const { file, doc, key, id } of resources) {
  const problems = [];
  if (!doc.apiVersion || !doc.kind) problems.push('apiVersion and kind are required');
  if (!doc.metadata?.name && doc.kind !== 'Kustomization') problems.push('metadata.name is required');
  if (doc.kind === 'Secret') problems.push('Secrets are referenced, never included: create them from the secret manager');
  if (doc.metadata?.namespace && doc.metadata.namespace !== 'parley') problems.push('namespace must be parley (set by kustomize)');
  if (BUILT_IN[key]) {
    problems.push(...validateBuiltIn(doc, BUILT_IN[key]));
  } else if (crdValidators[key]) {
    if (!crdValidators[key](doc)) problems.push(...formatAjv(crdValidators[key].errors));
  } else if (doc.kind !== 'Secret') {
    problems.push(`no schema for ${key}: add it to validate.mjs or crd-schemas.mjs`);
  }
  if (problems.length === 0 && rules[key]) problems.push(...rules[key](doc));
  report(`${id.padEnd(48)} ${file}`, problems);
}

// ---- cross-file checks ---------------------------------------------------------------------------
const byKind = (kind) => resources.filter((r) => r.doc.kind === kind).map((r) => r.doc);

{
  const missing = Object.entries(CONTRACTS).filter(([, c]) => c.missing).map(([name]) => name);
  if (missing.length > 0) console.log(`note  no application.properties yet for ${missing.join(', ')}: Quarkus's own variable names assumed`);
  report('check deployments provide every variable the services read (application.properties)', []);
}

{
  const problems = [];
  if (!kustomization) problems.push('kustomization.yaml missing');
  else {
    const listed = new Set(kustomization.doc.resources);
    for (const entry of listed) {
      try {
        statSync(join(k8sDir, entry));
      } catch {
        problems.push(`listed but missing: ${entry}`);
      }
    }
    for (const file of new Set(resources.map((r) => r.file))) {
      if (file !== kustomization.file && !listed.has(file)) problems.push(`not listed in kustomization.yaml: ${file}`);
    }
    if (kustomization.doc.namespace !== 'parley') problems.push('namespace must be parley');
    if (kustomization.doc.commonLabels) problems.push('commonLabels rewrites selectors (network-policy peers): use labels with includeSelectors: false');
  }
  report('check kustomization lists exactly the manifests', problems);
}

{
  const problems = [];
  if (readFileSync(realmImportYaml, 'utf8') !== renderRealmImport()) {
    problems.push('keycloak/realm-import.yaml differs from deploy/keycloak/parley-realm.json: run `node sync-realm.mjs`');
  }
  const realm = JSON.parse(readFileSync(join(deployDir, 'keycloak', 'parley-realm.json'), 'utf8'));
  const placeholders = new Set([...JSON.stringify(realm).matchAll(/\$\{([A-Z_][A-Z0-9_]*)\}/g)].map((m) => m[1]));
  const declared = byKind('KeycloakRealmImport')[0]?.spec?.placeholders ?? {};
  for (const p of placeholders) if (!declared[p]) problems.push(`realm placeholder \${${p}} has no spec.placeholders entry`);
  if (Array.isArray(realm.users) && realm.users.length > 0) problems.push('the production realm must not contain users');
  report('check realm import is deploy/keycloak/parley-realm.json', problems);
}

const topics = new Map(byKind('KafkaTopic').map((t) => [t.spec?.topicName ?? t.metadata.name, t.spec.partitions]));
{
  const problems = [];
  const script = readFileSync(join(deployDir, 'compose', 'kafka', 'create-topics.sh'), 'utf8');
  const composeTopics = new Map([...script.matchAll(/^(parley\.[a-z0-9.]+)\s+([0-9]+)\s*$/gm)].map((m) => [m[1], Number(m[2])]));
  for (const [name, partitions] of topics) {
    if (!composeTopics.has(name)) problems.push(`${name} missing from compose/kafka/create-topics.sh`);
    else if (composeTopics.get(name) !== partitions) problems.push(`${name}: ${partitions} partitions here, ${composeTopics.get(name)} in compose`);
  }
  for (const name of composeTopics.keys()) if (!topics.has(name)) problems.push(`${name} only in compose/kafka/create-topics.sh`);
  for (const name of topics.keys()) {
    const [source] = name.split('.dlq.');
    if (name.includes('.dlq.') && !topics.has(source)) problems.push(`${name}: no topic ${source}`);
  }
  report('check topics match the compose stack and every DLQ has its topic', problems);
}

{
  const problems = [];
  const users = new Map(byKind('KafkaUser').map((u) => [u.metadata.name, u]));
  for (const service of Object.keys(SERVICES)) {
    const user = users.get(`parley-${service}`);
    if (!user) {
      problems.push(`KafkaUser parley-${service} missing`);
      continue;
    }
    const acls = user.spec.authorization.acls;
    const writes = acls.filter((a) => a.resource.type === 'topic' && a.operations.includes('Write')).map((a) => a.resource.name);
    const reads = acls.filter((a) => a.resource.type === 'topic' && a.operations.includes('Read')).map((a) => a.resource.name);
    for (const a of acls) {
      if (a.resource.type === 'topic' && !topics.has(a.resource.name)) problems.push(`parley-${service}: ACL on unknown topic ${a.resource.name}`);
      if (a.resource.type === 'topic' && a.resource.patternType !== 'literal') problems.push(`parley-${service}: topic ACLs must be literal`);
      if (a.operations.includes('All')) problems.push(`parley-${service}: no All operation`);
      if (a.resource.type === 'cluster') problems.push(`parley-${service}: no cluster ACL`);
    }
    for (const t of writes) {
      const dlq = t.includes('.dlq.');
      if (dlq && !t.endsWith(`.dlq.${service}`)) problems.push(`parley-${service} writes another service's DLQ ${t}`);
      const anchors = t === LEDGER_ANCHORS && service === 'events';
      if (!dlq && !anchors && t !== `parley.${service}.v1` && t !== 'parley.audit.v1') problems.push(`parley-${service} writes ${t}`);
    }
    for (const t of reads) {
      if (t === LEDGER_ANCHORS) {
        if (service !== 'events') problems.push(`parley-${service} reads the ledger's anchors`);
        continue;
      }
      if (t.includes('.dlq.')) problems.push(`parley-${service} reads dead letters ${t}`);
      if (!topics.has(`${t}.dlq.${service}`)) problems.push(`parley-${service} consumes ${t} without its DLQ ${t}.dlq.${service}`);
      if (!writes.includes(`${t}.dlq.${service}`)) problems.push(`parley-${service} cannot write its DLQ ${t}.dlq.${service}`);
    }
    const groupPrefixes = acls.filter((a) => a.resource.type === 'group').map((a) => a.resource);
    if (!groupPrefixes.every((g) => g.patternType === 'prefix' && g.name === `${service}-`)) problems.push(`parley-${service}: group ACL must be the prefix "${service}-"`);
    // Against what the service really consumes (its application.properties).
    const consumes = CONTRACTS[service].consumes;
    if (consumes) {
      const consumed = new Set(consumes.map((ch) => ch.topic));
      for (const t of consumed) if (!reads.includes(t)) problems.push(`${service} consumes ${t} but may not read it`);
      for (const t of reads) if (!consumed.has(t) && t !== LEDGER_ANCHORS) problems.push(`parley-${service} may read ${t}, which it does not consume`);
      for (const ch of consumes) {
        if (!String(ch['group.id']).startsWith(`${service}-`)) problems.push(`${service}: group ${ch['group.id']} outside its ACL prefix ${service}-`);
        const dlq = ch['dead-letter-queue.topic'];
        if (!dlq) problems.push(`${service}: channel on ${ch.topic} has no dead-letter topic`);
        else if (!topics.has(dlq)) problems.push(`${service}: dead-letter topic ${dlq} is not declared`);
        else if (!writes.includes(dlq)) problems.push(`${service}: may not write its dead-letter topic ${dlq}`);
      }
    }
  }
  for (const name of topics.keys()) {
    const [, service] = name.split('.dlq.');
    if (service && !users.get(`parley-${service}`)?.spec.authorization.acls.some((a) => a.resource.name === name)) {
      problems.push(`${name}: no ACL lets ${service} write it`);
    }
  }
  report('check Kafka ACLs: own topic, audit, own DLQs; reads only what is consumed', problems);
}

{
  const problems = [];
  const deployments = new Map(byKind('Deployment').map((d) => [d.metadata.name, d]));
  const services = new Map(byKind('Service').map((s) => [s.metadata.name, s]));
  const pdbs = byKind('PodDisruptionBudget');
  const hpas = byKind('HorizontalPodAutoscaler');
  const dockerPorts = {};
  for (const name of Object.keys(SERVICES)) {
    if (!deployments.has(name)) problems.push(`Deployment ${name} missing`);
    const labels = deployments.get(name)?.spec.template.metadata.labels ?? {};
    const service = services.get(name);
    if (!service) problems.push(`Service ${name} missing`);
    else {
      const selects = Object.entries(service.spec.selector ?? {}).every(([k, v]) => labels[k] === v);
      if (!selects) problems.push(`Service ${name} does not select its pods`);
      if (service.spec.ports?.[0]?.port !== SERVICES[name]) problems.push(`Service ${name} port must be ${SERVICES[name]}`);
    }
    if (!pdbs.some((p) => Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v))) problems.push(`no PodDisruptionBudget for ${name}`);
    try {
      const dockerfile = readFileSync(join(repoDir, 'services', name, 'src', 'main', 'docker', 'Dockerfile.jvm'), 'utf8');
      dockerPorts[name] = Number(/^EXPOSE\s+([0-9]+)/m.exec(dockerfile)?.[1]);
      if (dockerPorts[name] !== SERVICES[name]) problems.push(`Dockerfile.jvm of ${name} exposes ${dockerPorts[name]}`);
    } catch {
      problems.push(`services/${name}/src/main/docker/Dockerfile.jvm missing`);
    }
  }
  const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === 'cases');
  if (!hpa) problems.push('HorizontalPodAutoscaler for cases missing');
  else if (hpa.spec.minReplicas < 2) problems.push('cases HPA minimum must be 2');
  for (const h of hpas) if (!deployments.has(h.spec.scaleTargetRef.name)) problems.push(`HPA ${h.metadata.name} targets a missing Deployment`);
  if (hpas.some((h) => h.spec.scaleTargetRef.name === 'events')) problems.push('events must never be autoscaled');
  report('check each service has Deployment, Service, PDB; ports match Dockerfiles; HPA', problems);
}

{
  const problems = [];
  const policies = byKind('NetworkPolicy');
  const deny = policies.find((p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && p.spec.policyTypes.includes('Ingress') && !p.spec.ingress);
  if (!deny) problems.push('default deny-ingress policy missing');
  for (const db of [...Object.keys(SERVICES), 'keycloak']) {
    const policy = policies.find((p) => p.spec.podSelector?.matchLabels?.['cnpg.io/cluster'] === `${db}-db`);
    if (!policy) {
      problems.push(`no ingress policy for ${db}-db`);
      continue;
    }
    const clients = policy.spec.ingress
      .filter((rule) => rule.ports?.some((p) => p.port === 5432))
      .flatMap((rule) => rule.from.map((peer) => JSON.stringify(peer.podSelector?.matchLabels ?? {})));
    for (const other of Object.keys(SERVICES)) {
      const reaches = clients.some((c) => c.includes(`"app.kubernetes.io/name":"${other}"`));
      if (other === db && !reaches) problems.push(`${db} cannot reach ${db}-db`);
      if (other !== db && reaches) problems.push(`${other} may reach ${db}-db`);
    }
    if (policy.spec.ingress.some((rule) => !rule.from)) problems.push(`${db}-db: a rule without "from" admits everyone`);
  }
  for (const name of Object.keys(SERVICES)) {
    const egress = policies.filter((p) => p.spec.policyTypes.includes('Egress') && (p.spec.podSelector?.matchLabels?.['app.kubernetes.io/name'] === name || p.spec.podSelector?.matchExpressions?.some((e) => e.values.includes(name))));
    const databases = egress.flatMap((p) => p.spec.egress.flatMap((r) => (r.to ?? []).map((t) => t.podSelector?.matchLabels?.['cnpg.io/cluster']))).filter(Boolean);
    if (JSON.stringify(databases) !== JSON.stringify([`${name}-db`])) problems.push(`${name} egress databases: ${databases.join(', ') || 'none'}`);
    if (egress.some((p) => p.spec.egress.some((r) => !r.to))) problems.push(`${name}: an egress rule without "to" allows everything`);
  }
  const kafka = byKind('Kafka')[0];
  const peers = kafka?.spec.kafka.listeners.flatMap((l) => l.networkPolicyPeers ?? []) ?? [];
  if (!peers.every((p) => p.podSelector?.matchLabels?.['parley.org/kafka-client'] === 'true')) problems.push('Kafka listeners must admit only parley.org/kafka-client pods');
  report('check network policies: each database only from its service, Kafka only from clients', problems);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
