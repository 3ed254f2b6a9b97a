// Writes deploy/k8s/keycloak/realm-import.yaml from deploy/keycloak/parley-realm.json, the production
// realm (the single source of truth). Run after every change to the realm: `node sync-realm.mjs`.
// validate.mjs fails when the two differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
export const realmJson = join(here, '..', '..', 'keycloak', 'parley-realm.json');
export const realmImportYaml = join(here, '..', 'keycloak', 'realm-import.yaml');

export function realmImport() {
  const realm = JSON.parse(readFileSync(realmJson, 'utf8'));
  return {
    apiVersion: 'k8s.keycloak.org/v2alpha1',
    kind: 'KeycloakRealmImport',
    metadata: { name: 'parley-realm' },
    spec: {
      keycloakCRName: 'parley-keycloak',
      // ${NAME} placeholders in the realm, resolved from Secrets at import time.
      placeholders: {
        PARLEY_CONSOLE_CLIENT_SECRET: { secret: { name: 'parley-console-client', key: 'client-secret' } },
        PARLEY_CONSOLE_URL: { secret: { name: 'parley-console-client', key: 'console-url' } },
      },
      realm,
    },
  };
}

export function renderRealmImport() {
  const header = [
    '# GENERATED from deploy/keycloak/parley-realm.json by deploy/k8s/validate/sync-realm.mjs: do not edit.',
    '# Imports the production realm once (an existing realm is never overwritten; later changes are made',
    '# in Keycloak and exported back to parley-realm.json). Delete this resource after a successful import',
    '# to remove its Job. Placeholders come from the Secret parley-console-client (client-secret,',
    '# console-url), created from the secret manager.',
  ].join('\n');
  return `${header}\n${stringify(realmImport(), { lineWidth: 0 })}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(realmImportYaml, renderRealmImport());
  console.log(`wrote ${realmImportYaml}`);
}
