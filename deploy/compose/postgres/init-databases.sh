#!/usr/bin/env bash
# Runs once, when the PostgreSQL data volume is empty (/docker-entrypoint-initdb.d). Creates one
# login role and one database per service, plus Keycloak's; each role owns its own database and
# nothing else, and PUBLIC may connect to none of them. Passwords come from the environment only
# (\getenv, so they never appear on a command line). Changing a password later: docs/operations.md.
set -euo pipefail

create_database() {
  local name="$1" password_variable="$2"
  if [ -z "${!password_variable:-}" ]; then
    echo "init-databases: ${password_variable} is not set" >&2
    exit 1
  fi
  psql --no-psqlrc -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname postgres \
       --set=role_name="${name}" <<SQL
\getenv role_password ${password_variable}
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role_name', :'role_password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'role_name', :'role_name') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'role_name') \gexec
SQL
  echo "init-databases: created role and database ${name}"
}

create_database cases      CASES_DB_PASSWORD
create_database interviews INTERVIEWS_DB_PASSWORD
create_database access     ACCESS_DB_PASSWORD
create_database events     EVENTS_DB_PASSWORD
create_database keycloak   KEYCLOAK_DB_PASSWORD
