"""Serving latency: the claims list and a claim's page on a store of 100,000 claims.

    .venv/bin/python bench/serve.py [--claims 100000] [--requests 300] [--db PATH|postgresql://...]

The store is generated here (made-up articles with five claims each, a reference series, and
clusters rebuilt once), then `attrition serve` runs in its own process on a loopback port and
this process sends requests one at a time (latency: p50/p95 per route) and then from four
threads at once (throughput). The first request of each route is reported apart: it warms the
findings cache, which later requests reuse. Goal: p95 < 150 ms for every route.

It also times the server's start (launch to the first answer of `/api/status`, best of
`--starts` launches, with `--no-reconcile` as above and then with the default reconcile of an
up-to-date store) and prints the load average, since other jobs on the machine move every figure.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx
from sqlalchemy import select

from attrition.models import Claim, Document, Span
from attrition.reconcile.storeio import reconcile
from attrition.reference import ReferencePoint, ReferenceSeries
from attrition.reference.storeio import save_series
from attrition.store import open_store
from attrition.store import repository as repo
from attrition.store.tables import claims as claims_t

OUTLETS = ("Wire Service", "Morning Post", "Evening Herald", "Front Bulletin", "Defence Review", "City Daily")
CATEGORIES = (("personnel", "casualties", "soldiers"), ("tanks", "lost", "tanks"), ("artillery", "lost", "guns"),
              ("uav", "intercepted", "drones"), ("afv", "lost", "armoured vehicles"))  # fmt: skip
START = date(2022, 2, 24)


def build(url: str, n_claims: int) -> None:
    """`n_claims` claims in documents of five, published over two years, plus one reference series."""
    engine = open_store(url)
    rnd = random.Random(11)
    per_doc = 5
    t0 = time.perf_counter()
    with engine.begin() as conn:
        for i in range(n_claims // per_doc):
            day = date(2023, 1, 1) + timedelta(days=i % 700)
            sentences, claims = [], []
            pos = 0
            for k, (category, event, noun) in enumerate(CATEGORIES[:per_doc]):
                value = 1000 + (i * 7 + k * 131) % 400000 if category == "personnel" else 10 + (i + k) % 9000
                number = f"{value:,}"
                sector = rnd.randint(1, 99)
                sentence = f"On day {i} the staff said the enemy had lost {number} {noun} near sector {sector}."
                at = pos + sentence.index(number)
                claims.append(Claim(
                    doc=None, claimant=rnd.choice(("ua.general_staff", "ru.mod", "west.gov")),
                    claimant_text=None, subject=rnd.choice(("RU", "UA")), event=event, category=category, model=None,
                    value=value, value_max=None, qualifier=rnd.choice(("exact", "at_least", "approx")), rate=None,
                    period_start=START, period_end=day, location=None, sentence=sentence,
                    span=Span(at, at + len(number)), sentence_span=Span(pos, pos + len(sentence)), rules=("bench",),
                ))  # fmt: skip
                sentences.append(sentence)
                pos += len(sentence) + 2
            text = "\n\n".join(sentences)
            repo.add_document(
                conn, document=Document(id=f"bench-{i}", text=text, published=day, outlet=OUTLETS[i % len(OUTLETS)],
                                        title=f"Bulletin {i}"),
                claims=claims, content_hash=hashlib.sha256(text.encode()).hexdigest(), source=None, run_id=None,
            )  # fmt: skip
    t1 = time.perf_counter()
    points = [ReferencePoint(START + timedelta(days=d), "RU", "casualties", "personnel", 200.0 + d * 600)
              for d in range(0, 1200)]  # fmt: skip
    series = ReferenceSeries(name="bench-series", claimant="ua.general_staff", source="bench", points=points)
    save_series(engine, series)
    result = reconcile(engine)
    engine.dispose()
    print(f"store: {n_claims:,} claims written in {t1 - t0:.1f} s; reconcile {time.perf_counter() - t1:.1f} s "
          f"({result.clusters:,} clusters)")  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def claim_ids(url: str, n: int) -> list[str]:
    """`n` stable claim ids spread over the store (a claim's link is its stable id)."""
    engine = open_store(url)
    with engine.connect() as conn:
        ids = [str(u) for (u,) in conn.execute(select(claims_t.c.uid).order_by(claims_t.c.id))]
    engine.dispose()
    return random.Random(3).sample(ids, min(n, len(ids)))


def wait_ready(client: httpx.Client, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if client.get("/api/status").status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            raise SystemExit("server did not start")
        time.sleep(0.02)


def time_start(exe: str, url: str, env: dict[str, str], extra: list[str]) -> float:
    """Seconds from launching `attrition serve` to its first answer."""
    port = free_port()
    t = time.perf_counter()
    proc = subprocess.Popen([exe, "serve", "--db", url, "--port", str(port), *extra], env=env)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            wait_ready(client, proc)
        return time.perf_counter() - t
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per route")
    parser.add_argument("--db", default=None, help="store to build (default: a temporary SQLite file)")
    parser.add_argument("--starts", type=int, default=3, help="server launches timed")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    tmp = tempfile.TemporaryDirectory()
    url = args.db or str(Path(tmp.name) / "bench.db")
    build(url, args.claims)
    port = free_port()
    env = {**os.environ, "ATTRITION_LOG_LEVEL": "warning"}
    exe = str(Path(sys.executable).with_name("attrition"))
    ids = claim_ids(url, 1000)
    for label, extra in (("--no-reconcile", ["--no-reconcile"]), ("reconcile (store current)", [])):
        starts = [time_start(exe, url, env, extra) for _ in range(args.starts)]
        print(f"serve start, launch to first answer ({label}): best {min(starts):.2f} s, "
              f"median {statistics.median(starts):.2f} s of {len(starts)}")  # fmt: skip
    proc = subprocess.Popen([exe, "serve", "--db", url, "--port", str(port), "--no-reconcile"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        client = httpx.Client(base_url=base, timeout=60)
        wait_ready(client, proc)
        total = client.get("/api/status").json()["counts"]["claims"]
        assert total == args.claims, total
        rnd = random.Random(5)
        first_page = client.get("/api/claims?limit=50").json()
        cursor = first_page["next_cursor"]
        routes = {
            "GET /api/claims (newest 50)": lambda: "/api/claims?limit=50",
            "GET /api/claims (filtered, sorted by value)": lambda: "/api/claims?subject=RU&category=tanks&sort=value",
            "GET /api/claims (next page by cursor)": lambda: f"/api/claims?limit=50&cursor={cursor}",
            "GET /claims (explorer page)": lambda: "/claims",
            "GET /api/claims (search, two words)": lambda: f"/api/claims?q=sector%20{rnd.randint(1, 99)}.",
            "GET /claims (explorer, search + filter)": lambda: f"/claims?q=Day%20{rnd.randint(1, 9999)}&subject=RU",
            "GET /api/claims/{id}": lambda: f"/api/claims/{rnd.choice(ids)}",
            "GET /claims/{id} (claim page)": lambda: f"/claims/{rnd.choice(ids)}",
            "GET /documents/{doc} (document page)": lambda: f"/documents/bench-{rnd.randint(0, args.claims // 5 - 1)}",
            "GET /compare (RU personnel, one year)": lambda: "/compare?subject=RU&category=personnel&since=2023-01-01"
                                                             "&until=2023-12-31",
            "GET /findings (queue page)": lambda: "/findings",
            "GET / (overview)": lambda: "/",
        }
        print(f"{args.requests} sequential requests per route, {args.claims:,} claims "
              f"(server: 1 uvicorn process, SQLite WAL):")  # fmt: skip
        worst = 0.0
        for name, path in routes.items():
            t = time.perf_counter()
            r = client.get(path())
            first = (time.perf_counter() - t) * 1000
            assert r.status_code == 200, (name, r.status_code, r.text[:200])
            times = []
            for _ in range(args.requests):
                t = time.perf_counter()
                r = client.get(path())
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200
            p95 = percentile(times, 0.95)
            worst = max(worst, p95)
            print(f"  {name:48s} p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  (first {first:.0f} ms)")
        paths = [routes["GET /api/claims (newest 50)"](), routes["GET /claims/{id} (claim page)"]()] * args.requests
        t = time.perf_counter()
        shared = httpx.Client(base_url=base, timeout=60, limits=httpx.Limits(max_connections=4))
        with ThreadPoolExecutor(4) as pool:
            codes = list(pool.map(lambda p: shared.get(p).status_code, paths))
        elapsed = time.perf_counter() - t
        assert set(codes) == {200}
        print(f"  4 concurrent clients, list + claim page mixed: {len(paths) / elapsed:.0f} requests/s")
        t = time.perf_counter()
        size = len(client.get("/api/claims?format=csv").content)
        print(f"  CSV download of every claim: {time.perf_counter() - t:.1f} s, {size / 1e6:.1f} MB")
        print(f"machine: load average now {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"goal p95 < 150 ms: {'met' if worst < 150 else 'NOT met'} (worst p95 {worst:.1f} ms)")
    finally:
        proc.terminate()
        proc.wait(10)
        tmp.cleanup()


if __name__ == "__main__":
    main()
