#!/usr/bin/env python3
"""Time repairing a history log full of garbage: for each size, writes a
log of N unreadable lines with a few good records among them to a fresh
data folder, then times `backcoach history --format csv` (whole process:
start, read, parse, set the bad lines aside, rewrite the log, print).

A repair must be linear in the size of the log: 6 times the lines should
take about 6 times as long, not 36.

Usage: python3 .ci/measure/repair.py [BINARY] [--sizes 10000,30000,60000]
[--runs N] (default binary: target/release/backcoach). Prints figures only.
"""

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time

GOOD = {
    "version": 1,
    "kind": "session",
    "started": "2025-03-04T09:30:00+01:00",
    "duration_secs": 240,
    "routine": "desk_reset",
    "exercises": [{"exercise": "seated_trunk_rotation", "outcome": "done"}],
    "pain_before": 3,
    "pain_after": 2,
    "outcome": "completed",
}


def write_log(path, garbage):
    good = json.dumps(GOOD, separators=(",", ":"))
    with open(path, "w") as f:
        for n in range(garbage):
            # Distinct lines, so no repair can get away with comparing
            # against one remembered bad line.
            f.write(f"garbage line {n} {{not json\n")
            if n % 1000 == 0:
                f.write(good + "\n")


def one_run(binary, garbage):
    data = tempfile.mkdtemp(prefix="backcoach-repair-")
    try:
        os.chmod(data, 0o700)
        write_log(os.path.join(data, "history.jsonl"), garbage)
        argv = [binary, "--data-dir", data, "history", "--format", "csv"]
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return time.perf_counter() - start
    finally:
        shutil.rmtree(data, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default="target/release/backcoach")
    parser.add_argument("--sizes", default="10000,30000,60000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"binary: {args.binary}")
    for garbage in (int(s) for s in args.sizes.split(",")):
        times = sorted(one_run(args.binary, garbage) for _ in range(args.runs))
        print(f"{garbage} garbage lines: best {times[0]:.2f} s, "
              f"median {times[len(times) // 2]:.2f} s over {args.runs} runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
