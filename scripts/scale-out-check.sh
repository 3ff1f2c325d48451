#!/usr/bin/env bash
# Scale-out on real components, all on loopback: Debian's nginx in front of two app instances, one PostgreSQL primary
# and one streaming-replication hot standby (pg_basebackup -R). The checks are in scripts/scale-out-check.py.
#   scripts/scale-out-check.sh            full form (about 2,000 intakes under load, one instance killed mid-load)
#   scripts/scale-out-check.sh --short    CI form (about 150 intakes)
#   --app PATH/MotCua.Web.dll             use this build instead of publishing src/MotCua.Web (Release)
# Ends with "scale-out check: N passed, M failed"; exit code 0 only when all passed. Needs root (apt-get, runuser).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=full
app=""
while (($#)); do
  case "$1" in
    --short) mode=short ;;
    --app) app=$(realpath "$2"); shift ;;
    *) echo "usage: $0 [--short] [--app PATH.dll]" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "scale-out check: $*" >&2; echo "scale-out check: 0 passed, 1 failed"; exit 1; }

need=()
for pkg in nginx postgresql; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if ((${#need[@]})); then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null || die "apt-get install ${need[*]} failed"
  # Debian starts the packaged nginx on port 80: this check uses only its own instance.
  systemctl stop nginx >/dev/null 2>&1 || service nginx stop >/dev/null 2>&1 || true
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgbin/initdb" ] || die "PostgreSQL binaries not found"
command -v nginx >/dev/null || die "nginx not found"

free_port() { local p=$1; while (echo >/dev/tcp/127.0.0.1/$p) 2>/dev/null; do p=$((p + 1)); done; echo $p; }
tmp=$(mktemp -d /tmp/motcua-scale.XXXXXX)
chmod 755 "$tmp"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null
  for d in standby primary; do
    [ -d "$tmp/$d" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/$d" -m immediate stop >/dev/null 2>&1
  done
  [ "${KEEP_TMP:-0}" = 1 ] && echo "kept $tmp" || rm -rf "$tmp"
}
trap cleanup EXIT

echo "== PostgreSQL primary and hot standby"
mkdir -p "$tmp/pg" "$tmp/primary" "$tmp/standby" && chown postgres:postgres "$tmp/pg" "$tmp/primary" "$tmp/standby" && chmod 700 "$tmp/primary" "$tmp/standby"
p1=$(free_port 56432); p2=$(free_port $((p1 + 1)))
runuser -u postgres -- "$pgbin/initdb" -D "$tmp/primary" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null || die "initdb failed"
# Durable as in production (fsync on); replication slots and WAL senders are on by default in PostgreSQL 15.
runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/primary" -l "$tmp/pg/primary.log" -w \
  -o "-p $p1 -k $tmp/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c wal_level=replica" start >/dev/null || { cat "$tmp/pg/primary.log"; die "primary did not start"; }
runuser -u postgres -- "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$p1" -U postgres -D "$tmp/standby" -R -X stream >/dev/null || die "pg_basebackup failed"
runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/standby" -l "$tmp/pg/standby.log" -w \
  -o "-p $p2 -k $tmp/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c hot_standby=on" start >/dev/null || { cat "$tmp/pg/standby.log"; die "standby did not start"; }
echo "primary 127.0.0.1:$p1, standby 127.0.0.1:$p2 (in recovery: $(psql -h 127.0.0.1 -p "$p2" -U postgres -Atc 'select pg_is_in_recovery()'))"

echo "== App (Release)"
if [ -z "$app" ]; then
  dotnet publish src/MotCua.Web -c Release -o "$tmp/app" -v q -nologo >/dev/null || die "dotnet publish failed"
  app="$tmp/app/MotCua.Web.dll"
fi
appdir=$(dirname "$app")
export ASPNETCORE_ENVIRONMENT=Staging Demo__Enabled=true Database__Provider=Postgres Logging__LogLevel__Default=Warning RateLimiting__Enabled=false
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$p1;Username=postgres;Database=motcua"
export ConnectionStrings__PostgresReadOnly="Host=127.0.0.1;Port=$p2;Username=postgres;Database=motcua"
export Notifications__Dispatcher__IntervalSeconds=1
# One key-ring certificate for both instances, as a deployment configures DataProtection:CertificatePath: cookies and antiforgery tokens cross instances.
export DataProtection__DemoCertificatePath="$tmp/data-protection-demo.pfx"
# One migration and seed before the instances start; the demo desks' units ended in 2025, so a desk of today's commune is added.
mkdir -p "$tmp/seed" && (cd "$tmp/seed" && dotnet "$app" seed-demo >/dev/null) || die "seed-demo failed"
(cd "$tmp/seed" && dotnet "$app" create-user --username scale.desk --password "Scale@2026-check" --role desk --unit 56.BACAI --name "Kiểm tra mở rộng" >/dev/null) || die "create-user failed"

start_instance() { # name port
  mkdir -p "$tmp/$1"
  # Own working folder (own data/ with the file gateways' outboxes), the published web root for the pages.
  (cd "$tmp/$1" && exec dotnet "$app" --urls "http://127.0.0.1:$2" --webroot "$appdir/wwwroot" >"$tmp/$1/app.log" 2>&1) &
  echo $!
}
pa=$(free_port 5611); pid_a=$(start_instance a "$pa"); pids+=("$pid_a")
pb=$(free_port $((pa + 1))); pid_b=$(start_instance b "$pb"); pids+=("$pid_b")
for port in $pa $pb; do
  # Up to 2 min: a loaded CI machine (load 40-80 with the other suites) starts the app slowly.
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$port/health" >/dev/null || { tail -n 20 "$tmp"/a/app.log "$tmp"/b/app.log; die "instance on $port did not start"; }
done
echo "instance A 127.0.0.1:$pa (pid $pid_a), instance B 127.0.0.1:$pb (pid $pid_b)"

echo "== nginx"
pn=$(free_port 5680)
cat >"$tmp/nginx.conf" <<EOF
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx-body;
  proxy_temp_path $tmp/nginx-proxy;
  fastcgi_temp_path $tmp/nginx-fastcgi;
  uwsgi_temp_path $tmp/nginx-uwsgi;
  scgi_temp_path $tmp/nginx-scgi;
  upstream motcua {
    server 127.0.0.1:$pa max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$pb max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$pn;
    client_max_body_size 50m;
    location / {
      proxy_pass http://motcua;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      # Only idempotent requests move to the other instance on failure (nginx's default): an intake is never sent twice.
      proxy_next_upstream error timeout;
    }
  }
}
EOF
nginx -c "$tmp/nginx.conf" -p "$tmp" || die "nginx did not start"
for _ in $(seq 1 20); do curl -sf "http://127.0.0.1:$pn/health" >/dev/null && break; sleep 0.25; done
echo "nginx 127.0.0.1:$pn -> A, B"

echo "== Checks ($mode)"
python3 scripts/scale-out-check.py --mode "$mode" --nginx "http://127.0.0.1:$pn" --a "http://127.0.0.1:$pa" --b "http://127.0.0.1:$pb" \
  --pid-b "$pid_b" --primary "$p1" --standby "$p2" --outbox-a "$tmp/a/data" --outbox-b "$tmp/b/data"
rc=$?
exit $rc
