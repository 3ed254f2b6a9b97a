// What each service expects from its deployment, read from its own
// services/<name>/src/main/resources/application.properties (the %prod profile and unprofiled lines):
// the environment variables it reads, which of them carry the datasource URL, user and password, and
// the Kafka channels it consumes (topic, group, dead-letter topic). The deployment files are checked
// against this, so that they follow the services as those change.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const SERVICES = { cases: 8081, interviews: 8082, access: 8083, events: 8084 };

function properties(name) {
  const path = join(repoDir, 'services', name, 'src', 'main', 'resources', 'application.properties');
  if (!existsSync(path)) return null;
  const entries = [];
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    let key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    const profile = /^%([a-z-]+)\./.exec(key)?.[1] ?? null;
    if (profile && profile !== 'prod') continue; // dev and test settings do not reach production
    if (profile) key = key.slice(profile.length + 2);
    entries.push({ key, value, profile });
  }
  return entries;
}

/** The contract of one service, or null when its application.properties does not exist (yet). */
export function contract(name) {
  const entries = properties(name);
  if (!entries) return null;
  // The value in force in prod: a %prod line beats an unprofiled one.
  const effective = new Map();
  for (const e of entries) if (!effective.has(e.key) || e.profile) effective.set(e.key, e.value);
  const variableOf = (key) => /^\$\{([A-Z][A-Z0-9_]*)(:[^}]*)?\}$/.exec(effective.get(key) ?? '')?.[1] ?? null;
  const variables = new Set();
  for (const value of effective.values()) {
    for (const m of value.matchAll(/\$\{([A-Z][A-Z0-9_]*)(:[^}]*)?\}/g)) variables.add(m[1]);
  }
  const channels = {};
  for (const [key, value] of effective) {
    const m = /^mp\.messaging\.incoming\.([^.]+)\.(topic|group\.id|dead-letter-queue\.topic)$/.exec(key);
    if (m) (channels[m[1]] ??= {})[m[2]] = value;
  }
  return {
    variables: [...variables].sort(),
    datasource: {
      url: variableOf('quarkus.datasource.jdbc.url'),
      user: variableOf('quarkus.datasource.username'),
      password: variableOf('quarkus.datasource.password'),
    },
    consumes: Object.values(channels).filter((c) => c.topic),
  };
}
