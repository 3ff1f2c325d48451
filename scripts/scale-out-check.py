#!/usr/bin/env python3
"""The checks of scripts/scale-out-check.sh (which starts PostgreSQL primary + standby, two app instances and nginx).

Standard library only. Prints one PASS/FAIL line per check and ends with "scale-out check: N passed, M failed".
"""
import argparse
import concurrent.futures
import glob
import http.cookiejar
import json
import os
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

DESK, PASSWORD, UNIT, PROCEDURE = "scale.desk", "Scale@2026-check", "56.BACAI", "2.000815"

args = None
results = []
counter = iter(range(1, 10**9))
counter_lock = threading.Lock()


def request(base, path, method="GET", body=None, token=None, headers=None, opener=None, timeout=30):
    data = None
    h = dict(headers or {})
    if body is not None:
        data = json.dumps(body).encode() if not isinstance(body, bytes) else body
        h.setdefault("Content-Type", "application/json")
    if token:
        h["Authorization"] = "Bearer " + token
    req = urllib.request.Request(base + path, data=data, method=method, headers=h)
    try:
        with (opener or urllib.request.build_opener(NoRedirect)).open(req, timeout=timeout) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def psql(port, sql):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "motcua", "-Atc", sql],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def check(name, ok, detail):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}", flush=True)


def token(base):
    status, body, _ = request(base, "/api/v1/auth/token", "POST", {"username": DESK, "password": PASSWORD})
    assert status == 200, f"token: {status} {body[:200]}"
    return json.loads(body)["accessToken"]


def intake_body(documents, key=None):
    with counter_lock:
        n = next(counter)
    body = {
        "procedureCode": PROCEDURE, "unitCode": UNIT, "channel": "direct",
        "applicant": {"fullName": "Người Kiểm Tra Mở Rộng", "idNumber": f"058090{n % 1000000:06d}", "phone": f"09{n % 100000000:08d}",
                      "email": f"scale{n}@example.test", "address": "dữ liệu kiểm tra"},
        "documents": documents,
    }
    if key:
        body["idempotencyKey"] = key
    return body


def receive(base, tok, documents, key=None):
    status, body, _ = request(base, "/api/v1/dossiers", "POST", intake_body(documents, key), tok)
    return status, (json.loads(body)["code"] if status == 201 else body[:200].decode(errors="replace"))


def receive_retrying(base, tok, documents, key, attempts=5):
    """An intake cut by an instance's death (502 from nginx, a dropped connection) is sent again with the same key: the
    server answers a repeat with the first dossier, so the retry can neither lose nor duplicate it. Returns the final
    answer and the number of tries."""
    for attempt in range(1, attempts + 1):
        try:
            status, code = receive(base, tok, documents, key)
        except OSError as e:
            status, code = 0, str(e)
        if status not in (0, 502, 503, 504) or attempt == attempts:
            return status, code, attempt
        time.sleep(0.2 * attempt)


def check_a_to_b(tok, documents):
    status, code = receive(args.a, tok, documents)
    if status != 201:
        return check("received on A, processed on B", False, f"intake on A answered {status}: {code}")
    status, body, _ = request(args.b, f"/api/v1/dossiers/{code}/actions", "POST",
                              {"action": "request-supplement", "note": "Bổ sung bản sao (kiểm tra mở rộng)"}, tok)
    _, after, _ = request(args.a, f"/api/v1/dossiers/{code}", token=tok)
    state = json.loads(after).get("status") if after else None
    check("received on A, processed on B", status == 200 and state == "AwaitingSupplement",
          f"{code}: action on B answered {status}, A now reads status {state}")


def check_cookie_and_antiforgery():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPCookieProcessor(jar))
    status, page, _ = request(args.a, "/Account/Login", opener=opener)
    m = re.search(rb'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page) or \
        re.search(rb'value="([^"]+)"[^>]*name="__RequestVerificationToken"', page)
    if status != 200 or not m:
        return check("sign-in cookie and antiforgery across instances", False, f"login page on A: {status}, token found: {bool(m)}")
    form = urllib.parse.urlencode({"UserName": DESK, "Password": PASSWORD, "__RequestVerificationToken": m.group(1).decode()}).encode()
    # Cookies are per host name, not per port: the jar sends A's antiforgery cookie to B.
    status_post, _, headers = request(args.b, "/Account/Login", "POST", form,
                                      headers={"Content-Type": "application/x-www-form-urlencoded"}, opener=opener)
    signed_in = any(c.name.startswith(".AspNetCore.Identity") for c in jar)
    status_page, _, page_headers = request(args.a, "/Dossiers", opener=opener)
    check("sign-in cookie and antiforgery across instances",
          status_post == 302 and signed_in and status_page == 200,
          f"form from A posted to B: {status_post} (identity cookie: {signed_in}); staff page on A with B's cookie: {status_page}"
          + (f" -> {page_headers.get('Location')}" if status_page != 200 else ""))


def check_jobs_once(tok, documents, n):
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        codes = [c for s, c in pool.map(lambda _: receive(args.nginx, tok, documents), range(n)) if s == 201]
    deadline = time.time() + 90
    pending = None
    while time.time() < deadline:
        pending = int(psql(args.primary, 'SELECT count(*) FROM "OutboxMessages" WHERE "SentAtUtc" IS NULL AND NOT "FailedPermanently"'))
        if pending == 0:
            break
        time.sleep(1)
    sent = int(psql(args.primary, 'SELECT count(*) FROM "OutboxMessages" WHERE "SentAtUtc" IS NOT NULL'))

    def lines(folder):
        return sum(sum(1 for _ in open(f, encoding="utf-8")) for f in glob.glob(os.path.join(folder, "*-outbox.jsonl")))
    la, lb = lines(args.outbox_a), lines(args.outbox_b)
    # Each pass takes the lease afresh, so either instance may deliver every message of a short run: "once" is the count.
    check("scheduled jobs run once (leased outbox dispatcher)", pending == 0 and la + lb == sent,
          f"{len(codes)} intakes through nginx; {sent} messages sent, delivered {la} by A + {lb} by B = {la + lb} (pending {pending})")


def check_standby_reads():
    year = time.gmtime().tm_year
    primary = int(psql(args.primary, f'SELECT count(*) FROM "Dossiers" WHERE "ReceivedOn" BETWEEN \'{year}-01-01\' AND \'{year}-12-31\''))
    got, standby = None, None
    deadline = time.time() + 30
    while time.time() < deadline:
        status, body, _ = request(args.nginx, f"/api/v1/public-statistics?year={year}")
        got = json.loads(body) if status == 200 else None
        if got and got["received"] == primary:
            break
        time.sleep(0.5)
    standby = psql(args.standby, "SELECT pg_is_in_recovery()")
    readers = int(psql(args.standby, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'motcua-readonly'"))
    lag = psql(args.primary, "SELECT coalesce(max(replay_lag)::text, '0') FROM pg_stat_replication")
    check("public statistics read from the hot standby",
          bool(got) and got["fromStandby"] and got["received"] == primary and standby == "t" and readers > 0,
          f"answer {got and got['received']} dossiers (primary has {primary}), fromStandby={got and got['fromStandby']}, "
          f"standby in recovery={standby}, read-only connections on the standby={readers}, replay lag {lag}")


def check_kill_mid_load(tok, documents, n, threads):
    answered = []
    lock = threading.Lock()
    killed = threading.Event()
    run = f"{int(time.time())}-{os.getpid()}"
    keys = [f"scale-{run}-{i:05d}" for i in range(n)]

    def one(i):
        if i == n // 3 and not killed.is_set():
            os.kill(args.pid_b, signal.SIGKILL)
            killed.set()
        s, c, tries = receive_retrying(args.nginx, tok, documents, keys[i])
        with lock:
            answered.append((s, c, killed.is_set(), tries))

    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, range(n)))
    ok = [c for s, c, _, _ in answered if s == 201]
    after_kill = sum(1 for s, _, k, _ in answered if s == 201 and k)
    retried = sum(1 for *_, t in answered if t > 1)
    unanswered = len(answered) - len(ok)
    in_list = ",".join(f"'{k}'" for k in keys)
    # Every key is one request: exactly one dossier per key, and the answers name those very dossiers, none twice.
    stored = int(psql(args.primary, f'SELECT count(*) FROM "Dossiers" WHERE "IdempotencyKey" IN ({in_list})'))
    distinct_keys = int(psql(args.primary, f'SELECT count(DISTINCT "IdempotencyKey") FROM "Dossiers" WHERE "IdempotencyKey" IN ({in_list})'))
    found = 0
    for i in range(0, len(ok), 500):
        chunk = ok[i:i + 500]
        found += int(psql(args.primary, 'SELECT count(*) FROM "Dossiers" WHERE "Code" IN (' + ",".join(f"'{c}'" for c in chunk) + ")"))
    check("killing one instance mid-load: every intake answered exactly once (retried with its idempotency key)",
          len(answered) == n and unanswered == 0 and len(set(ok)) == n and stored == n and distinct_keys == n
          and found == n and after_kill > 0,
          f"{n} intakes, {threads} at a time, instance B killed after {n // 3}: {len(ok)} answered 201 ({after_kill} after the "
          f"kill, {retried} of them after a retry with the same key), {unanswered} unanswered; {len(set(ok))} distinct codes; "
          f"{stored} dossiers stored for the {n} keys ({distinct_keys} distinct keys), {found} of the answered codes in the database")


def main():
    global args
    p = argparse.ArgumentParser()
    for name in ("--mode", "--nginx", "--a", "--b", "--outbox-a", "--outbox-b"):
        p.add_argument(name, required=True)
    for name in ("--pid-b", "--primary", "--standby"):
        p.add_argument(name, required=True, type=int)
    args = p.parse_args()
    short = args.mode == "short"
    tok = token(args.a)
    status, body, _ = request(args.a, f"/api/v1/procedures/{PROCEDURE}", token=tok)
    documents = [{"name": d["name"], "kind": "original", "count": 1} for d in json.loads(body)["documents"]]
    for step in (lambda: check_a_to_b(tok, documents),
                 check_cookie_and_antiforgery,
                 lambda: check_jobs_once(tok, documents, 40 if short else 400),
                 check_standby_reads,
                 lambda: check_kill_mid_load(tok, documents, 150 if short else 2000, 8 if short else 32)):
        try:
            step()
        except Exception as e:  # a check that crashes is a failed check, the others still run
            check(getattr(step, "__name__", "check"), False, f"{type(e).__name__}: {e}")
    passed = sum(results)
    print(f"scale-out check: {passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
