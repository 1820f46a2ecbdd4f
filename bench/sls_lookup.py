"""Benchmark: import N users (default 1,000,000) with devices into SQLite, then time lookups.

Prints the import time (per 100,000-user snapshot and in total) and the lookup latency (p50/p95/max
over random prefixes of usernames, account ids, full names, surnames alone and serials). Figures only; never pass/fail.

    .venv/bin/python bench/sls_lookup.py [--users 1000000] [--queries 1000] [--db PATH] [--url URL]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from console.services.db import Database
from console.services.sls import count_users, import_data, lookup_users

FIRST = ["Alice", "Bruno", "Chiara", "Daniel", "Emma", "Frank", "Grace", "Hannah", "Ivan", "Julia", "Kenji",
         "Li", "Mia", "Noah", "Olga", "Pedro", "Qing", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Yuki"]
LAST = ["Chen", "Keller", "Rossi", "Wong", "Smith", "Miller", "Lee", "Brown", "Petrov", "Müller", "Sato",
        "Tanaka", "Garcia", "Nguyen", "Kowalski", "Silva", "Dubois", "Jensen", "Novak", "Ito", "Khan", "Costa"]
REGIONS = ["us", "europe", "asia", "australia", "japan"]
PERMANENT = ["sms", "ib_key", "security_code_card", "digital_security_card", "dsc_plus", "platinum_card",
             "gold_card"]


def snapshot(start: int, count: int, rng: random.Random) -> dict[str, Any]:
    entities, accounts, users, devices = [], [], [], []
    for n in range(start, start + count):
        eid, acct, user = f"E{n}", f"U{n + 1_000_000:07d}", f"{rng.choice(FIRST).lower()}{n}"
        entities.append({"id": eid, "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "date_of_birth": "1980-01-01",
                         "citizenship": "US", "residence": "US", "id_document": {"type": "passport",
                                                                               "number": f"P{n}"}})
        accounts.append({"id": acct, "entity": eid, "region": rng.choice(REGIONS),
                         "sls_opted_out": rng.random() < 0.02})
        users.append({"username": user, "account": acct, "entity": eid, "primary": True})
        devices.append({"serial": f"S{n:08d}", "type": rng.choice(PERMANENT), "user": user, "status": "active",
                        "assigned": "2024-05-01"})
        if rng.random() < 0.3:
            devices.append({"serial": f"T{n:08d}", "type": "online_security_code_card", "user": user,
                            "status": rng.choice(["active", "expired"]), "activated": "2025-01-01"})
    return {"entities": entities, "accounts": accounts, "users": users, "devices": devices}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=1_000_000)
    parser.add_argument("--chunk", type=int, default=100_000, help="users per snapshot (one transaction each)")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--db", type=Path, help="SQLite file (default: a temp file)")
    parser.add_argument("--url", help="any database URL instead (e.g. postgresql://...)")
    parser.add_argument("--reuse", action="store_true", help="skip the import when the database has users")
    args = parser.parse_args()
    rng = random.Random(42)
    scratch = None if (args.url or args.db) else Path(tempfile.mkdtemp(prefix="sls-bench-"))
    url = args.url or f"sqlite:///{args.db or scratch / 'bench.db'}"
    db = Database(url)
    try:
        db.upgrade()
        print(f"database: {db.masked_url}")

        if args.reuse and count_users(db) >= args.users:
            print(f"reusing {count_users(db):,} users already in the database (no import)")
        else:
            run_import(db, args, rng)
        measure(db, args, rng)
    finally:
        db.dispose()
        if scratch is not None:  # a temp database of ~0.5 GB per million users: never leave it behind
            shutil.rmtree(scratch, ignore_errors=True)


def run_import(db: Database, args: argparse.Namespace, rng: random.Random) -> None:
    total_start = time.perf_counter()
    chunk_times = []
    for start in range(0, args.users, args.chunk):
        count = min(args.chunk, args.users - start)
        data = snapshot(start, count, rng)
        t0 = time.perf_counter()
        import_data(db, data)
        elapsed = time.perf_counter() - t0
        chunk_times.append(elapsed)
        print(f"  imported users {start:>9,}..{start + count - 1:>9,}: {elapsed:6.2f} s "
              f"({count / elapsed:,.0f} users/s, incl. {len(data['devices']):,} devices)")
    total = time.perf_counter() - total_start
    print(f"import: {args.users:,} users in {total:.1f} s (incl. generation); "
          f"per {args.chunk:,}-user snapshot: median {statistics.median(chunk_times):.2f} s, "
          f"max {max(chunk_times):.2f} s")


def measure(db: Database, args: argparse.Namespace, rng: random.Random) -> None:
    queries = []
    for _ in range(args.queries):
        n = rng.randrange(args.users)
        kind = rng.randrange(5)
        full = [f"{FIRST[n % len(FIRST)].lower()}{n}", f"U{n + 1_000_000:07d}",
                f"{rng.choice(FIRST)} {rng.choice(LAST)}", f"S{n:08d}", rng.choice(LAST)][kind]
        queries.append(full[:rng.randint(1, len(full))])
    lookup_users(db, "warm", 50)
    report(db, queries, [None] * len(queries), "")
    # The GUI's region box filters in SQL together with the prefix (before the limit).
    report(db, queries, [rng.choice(REGIONS) for _ in queries], " in a random region")


def report(db: Database, queries: list[str], regions: list[str | None], label: str) -> None:
    times, hits = [], 0
    for q, region in zip(queries, regions, strict=True):
        t0 = time.perf_counter()
        found = lookup_users(db, q, 50, region)
        times.append((time.perf_counter() - t0) * 1000)
        hits += bool(found)
    times.sort()
    p50 = times[len(times) // 2]
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"lookup{label}: {len(queries)} random prefixes (limit 50, with devices and limits): p50 {p50:.2f} ms, "
          f"p95 {p95:.2f} ms, max {times[-1]:.2f} ms; {hits} returned results (target p95 < 20 ms)")

if __name__ == "__main__":
    main()
