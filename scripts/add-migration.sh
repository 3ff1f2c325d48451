#!/usr/bin/env bash
# Adds a migration NAME to both providers' migration sets (one model, one set per provider).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/MotCua.Web --context SqliteAppDbContext --output-dir Migrations/Sqlite
dotnet ef migrations add "$name" --project src/MotCua.Web --context PostgresAppDbContext --output-dir Migrations/Postgres
