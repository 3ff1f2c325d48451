#!/usr/bin/env bash
# Issue 25.3: a simulated province (56, today's communes filled up to 65 with "Xã Mô phỏng nn", codes 56.SIMnn) with
# BASE × FACTOR generated dossiers (default 10^5 × 100 = 10^7), its staff accounts, on a fresh SQLite file or PostgreSQL
# database. Then time the staff pages: bench/MotCua.LoadTest --pages (docs/benchmarks.md, "Staff pages at 10^7").
#   scripts/province-scale.sh sqlite /var/tmp/perf/scale/p7.db [--base 100000 --factor 100 --seed 25]
#   scripts/province-scale.sh postgres "Host=127.0.0.1;Port=55931;Username=postgres;Database=p7" [...]
# APP=path/to/MotCua.Web.dll (default: the Release build under artifacts/). Accounts (password TaiThu@2026-load):
# tinh.lanhdao (leader, 56), tinh.chuyenvien (specialist, 56), xa.motcua (desk, 56.SIM01), xa.lanhdao (leader, 56.SIM01).
set -euo pipefail
db=${1:?sqlite|postgres}; target=${2:?file or connection string}; shift 2
repo=$(cd "$(dirname "$0")/.." && pwd)
app=${APP:-$repo/artifacts/bin/MotCua.Web/release/MotCua.Web.dll}
export ASPNETCORE_ENVIRONMENT=Staging Demo__Enabled=true Demo__HistoryDossiers=0 Logging__LogLevel__Default=Warning
if [ "$db" = sqlite ]; then
  export Database__Provider=Sqlite ConnectionStrings__Sqlite="Data Source=$target"
else
  export Database__Provider=Postgres ConnectionStrings__Postgres="$target"
fi
run() { (cd "$(dirname "$app")" && dotnet "$app" "$@"); }
start=$(date +%s)
run seed-demo
run scale-province "$@"
for u in "tinh.lanhdao leader 56" "tinh.chuyenvien specialist 56" "xa.motcua desk 56.SIM01" "xa.lanhdao leader 56.SIM01"; do
  set -- $u
  run create-user --username "$1" --password TaiThu@2026-load --role "$2" --unit "$3" --name "Tài khoản đo hiệu năng"
done
echo "province-scale: $db done in $(( $(date +%s) - start )) s"
