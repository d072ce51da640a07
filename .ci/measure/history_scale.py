#!/usr/bin/env python3
"""How backcoach scales with the size of its history.

For 0, 10k, 100k and 1M records (a realistic mix: guided sessions, stand-ups,
heat/cold applications, self-release uses, about 3,000 a year, ending an hour
ago; a million records cannot fit between 1970 and now at that pace, so
there they come closer together) it measures, in a real pseudo-terminal at
80x24:
  - time to the first frame of Home, and resident memory there (VmRSS, and
    the peak VmHWM) -- on the second start, after any one-time migration
    of the log (the first start is reported too);
  - how long the History screen takes to show its figures;
and for the command line:
  - `history --format csv|json --kind all`: wall time and peak memory,
    against `cat` of the same files.

Usage: python3 .ci/measure/history_scale.py [BINARY] [--sizes 0,10000,...]
(default binary: target/release/backcoach). Prints figures; asserts nothing.
"""

import argparse
import fcntl
import json
import os
import pty
import select
import shutil
import struct
import subprocess
import tempfile
import termios
import time

HOME_TEXT = b"What would you like to do?"
# Either marks the History screen with its figures computed. Short, and
# without a space: a frame drawn over the "Reading the history" line skips
# cells that are spaces in both, so a longer phrase may not arrive whole.
HISTORY_READY = (b"sessions:", b"No sessions")


# 1971-01-01: every record must be within the years a log may hold.
EARLIEST = 31_536_000


def spacing(count):
    """Where the first record is and the minutes between records: ~3,000
    records a year, the last an hour ago (a log of the past, as any is),
    closer together when that would start before 1971."""
    end = int(time.time()) // 60 * 60 - 3600
    step = min(175, max(1, (end - EARLIEST) // 60 // max(count, 1)))
    return end - count * step * 60, step


def record(n, start, step):
    """The n-th record of a mixed log, oldest first."""
    t = time.gmtime(start + n * step * 60)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S+01:00", t)
    kind = n % 6
    if kind in (0, 1, 2):
        return {"version": 1, "kind": "standup", "at": stamp,
                "outcome": ["done", "snoozed", "skipped"][n % 3]}
    if kind == 3:
        return {"version": 1, "kind": "session", "started": stamp,
                "duration_secs": 240 + n % 120,
                "routine": ["desk_reset", "floor_mobility", "after_sitting"][n % 3],
                "exercises": [{"exercise": "seated_trunk_rotation", "outcome": "done"},
                              {"exercise": "knee_to_chest", "outcome": "done"}],
                "pain_before": n % 11, "pain_after": (n + 3) % 11,
                "outcome": "completed"}
    if kind == 4:
        return {"version": 1, "kind": "therapy", "mode": "heat", "planned_secs": 900,
                "actual_secs": 900, "started": stamp, "ended": stamp, "ended_early": False}
    return {"version": 1, "kind": "release_used", "at": stamp, "technique": "seated_floor_twist"}


def write_log(data, count):
    path = os.path.join(data, "history.jsonl")
    start, step = spacing(count)
    with open(path, "w") as f:
        for n in range(count):
            f.write(json.dumps(record(n, start, step), separators=(",", ":")) + "\n")
    with open(os.path.join(data, "settings.ron"), "w") as f:
        f.write('(version: 1, disclaimer_acknowledged: Some("2026-01-01T00:00:00+00:00"))')


def status_kib(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1])
    return -1


def drain(fd, timeout):
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return b""
    try:
        return os.read(fd, 65536)
    except OSError:
        return b""


def wait_for(fd, texts, start, limit=60.0):
    """Seconds from `start` until any of `texts` has been drawn."""
    texts = (texts,) if isinstance(texts, bytes) else texts
    seen = b""
    while time.monotonic() - start < limit:
        seen += drain(fd, 0.01)
        if any(text in seen for text in texts):
            return time.monotonic() - start
    return None


def run_app(binary, data, open_history):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["HOME"] = data
        os.execv(binary, [binary, "--data-dir", data])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    first = wait_for(fd, HOME_TEXT, start)
    result = {"first_frame": first}
    if first is not None:
        time.sleep(0.3)
        drain(fd, 0)
        result["rss"] = status_kib(pid, "VmRSS")
        result["hwm"] = status_kib(pid, "VmHWM")
        if open_history:
            os.write(fd, b"G")
            time.sleep(0.2)
            drain(fd, 0)
            t = time.monotonic()
            os.write(fd, b"\r")
            result["history"] = wait_for(fd, HISTORY_READY, t)
            result["hwm_after_history"] = status_kib(pid, "VmHWM")
    try:
        os.kill(pid, 15)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return result


def timed(argv):
    """Wall time and the child's peak resident memory (KiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss


def ms(value):
    return "n/a" if value is None else f"{value * 1000:.0f} ms"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default="target/release/backcoach")
    parser.add_argument("--sizes", default="0,10000,100000,1000000")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    print(f"binary: {binary}")
    for count in [int(s) for s in args.sizes.split(",")]:
        data = tempfile.mkdtemp(prefix="backcoach-scale-")
        write_log(data, count)
        size = os.path.getsize(os.path.join(data, "history.jsonl"))
        first_start = run_app(binary, data, False)
        second = run_app(binary, data, True)
        print(f"{count:>8} records ({size / 1e6:6.1f} MB): "
              f"first start {ms(first_start['first_frame'])}; "
              f"then first frame {ms(second['first_frame'])}, "
              f"{second.get('rss', -1) / 1024:.1f} MB resident "
              f"({second.get('hwm', -1) / 1024:.1f} MB peak); "
              f"History screen {ms(second.get('history'))} "
              f"(peak {second.get('hwm_after_history', -1) / 1024:.1f} MB)")
        files = []
        for root, _, names in os.walk(data):
            files += [os.path.join(root, n) for n in names if n.endswith(".jsonl")]
        cat, _ = timed(["cat"] + files) if files else (0.0, 0)
        for fmt in ("csv", "json"):
            argv = [binary, "--data-dir", data, "history", "--format", fmt]
            help_text = subprocess.run([binary, "history", "--help"], capture_output=True,
                                       text=True).stdout
            if "--kind" in help_text:
                argv += ["--kind", "all"]
            wall, peak = timed(argv)
            print(f"{'':>8} history --format {fmt}: {wall * 1000:.0f} ms, peak {peak / 1024:.1f} MB "
                  f"(cat of the same files: {cat * 1000:.0f} ms; {wall / max(cat, 1e-6):.1f}x)")
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
