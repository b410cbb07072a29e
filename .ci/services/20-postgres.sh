# PostgreSQL for @pugo/storage's and the blog's PostgreSQL tests: Debian's server, started when no
# server answers, with a pugo role and database; exports PUGO_TEST_POSTGRES_URL. Idempotent.
step "postgresql"
pugo_pg_url="postgres://pugo:pugo@127.0.0.1:5432/pugo_test"
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt_install postgresql
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pugo_pg_version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pugo_pg_version main"; then
    pg_createcluster "$pugo_pg_version" main >/dev/null
  fi
  pg_ctlcluster --skip-systemctl-redirect "$pugo_pg_version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432
# The role owns the database and may create the test databases (one per test file, dropped after).
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
select 'create role pugo login password ''pugo'' createdb'
  where not exists (select from pg_roles where rolname = 'pugo') \gexec
alter role pugo createdb;
select 'create database pugo_test owner pugo'
  where not exists (select from pg_database where datname = 'pugo_test') \gexec
SQL
export PUGO_TEST_POSTGRES_URL="$pugo_pg_url"
echo "PUGO_TEST_POSTGRES_URL=$PUGO_TEST_POSTGRES_URL"
