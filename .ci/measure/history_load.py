#!/usr/bin/env python3
"""Time loading a 100,000-record history: writes that many session records
to a fresh data folder, then times `backcoach history` (whole process:
start, read, parse, filter, print) for an empty filter, CSV and JSON.

Usage: python3 .ci/measure/history_load.py [BINARY] [--records N] [--runs N]
(default binary: target/release/backcoach). Prints figures only.
"""

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time


def record(n):
    day = 1 + n % 28
    return {
        "version": 1,
        "kind": "session",
        "started": f"2025-{1 + n % 12:02d}-{day:02d}T09:{n % 60:02d}:00+01:00",
        "duration_secs": 240 + n % 120,
        "routine": ["desk_reset", "floor_mobility", "after_sitting"][n % 3],
        "exercises": [
            {"exercise": "seated_trunk_rotation", "outcome": "done"},
            {"exercise": "knee_to_chest", "outcome": ["done", "skipped"][n % 2]},
            {"exercise": "supine_twist", "outcome": "done"},
        ],
        "pain_before": n % 11,
        "pain_after": (n + 3) % 11,
        "outcome": ["completed", "abandoned", "stopped_for_pain"][n % 3],
    }


def best_of(runs, argv):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        times.append(time.perf_counter() - start)
    return min(times), sorted(times)[len(times) // 2], len(out.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default="target/release/backcoach")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="backcoach-history-")
    path = os.path.join(data, "history.jsonl")
    with open(path, "w") as f:
        for n in range(args.records):
            f.write(json.dumps(record(n), separators=(",", ":")) + "\n")
    size = os.path.getsize(path)
    base = [args.binary, "--data-dir", data, "history"]
    print(f"binary: {args.binary}; {args.records} records, {size / 1e6:.1f} MB")
    for label, extra in [
        ("load only (--since after every record)", ["--since", "2100-01-01"]),
        ("csv", ["--format", "csv"]),
        ("json", ["--format", "json"]),
    ]:
        best, median, out = best_of(args.runs, base + extra)
        print(f"history {label}: best {best * 1000:.0f} ms, median {median * 1000:.0f} ms "
              f"over {args.runs} runs, {out / 1e6:.1f} MB printed")
    shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
