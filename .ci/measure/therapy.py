#!/usr/bin/env python3
"""Measure the heat/cold timer in a real pseudo-terminal: CPU time, wake-ups
(context switches of every thread) and bytes drawn over a running countdown,
and how late the "remove the pack now" alert fires after its deadline
(median over several `timer cold --duration 3s` runs).

The deadline is the session's wall-clock start, read from the running-session
file the app writes the moment it starts, plus 3 s; the alert time is when
its text arrives on the pty. Both are read from the same system clock.

Usage: python3 .ci/measure/therapy.py [BINARY] [--seconds N] [--runs N]
(default binary: target/release/backcoach; build it with cargo build --release)
Prints figures only; it asserts nothing.
"""

import argparse
import sys
import datetime
import fcntl
import json
import os
import pty
import re
import select
import shutil
import statistics
import struct
import tempfile
import termios
import time

sys.dont_write_bytecode = True  # importing idle.py must not leave a __pycache__
from idle import drain, threads_counters  # noqa: E402

CHECK_TEXT = b"before you start"
ALERT_TEXT = b"REMOVE THE PACK NOW"


def data_folder():
    data = tempfile.mkdtemp(prefix="backcoach-measure-")
    with open(os.path.join(data, "settings.ron"), "w") as f:
        f.write('(version: 1, disclaimer_acknowledged: Some("2026-01-01T00:00:00+00:00"))')
    return data


def spawn(binary, data, args):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary, "--data-dir", data, *args])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def wait_for(fd, text, seen, limit=10.0):
    """Reads until `text` is in the output; returns (seen, arrival time)."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        seen += drain(fd, 0.05)
        if text in seen:
            return seen, time.time()
    raise RuntimeError(f"{text!r} never appeared; output ended {seen[-300:]!r}")


def wait_started(fd, data, seen, limit=10.0):
    """Reads output until the running-session file exists (the screen only
    redraws the cells that change, so a title is not reliable to grep)."""
    start = time.monotonic()
    path = os.path.join(data, "therapy-running.json")
    while time.monotonic() - start < limit:
        if os.path.exists(path):
            return seen
        seen += drain(fd, 0.01)
    raise RuntimeError("the session never started")


def wall_start(data):
    with open(os.path.join(data, "therapy-running.json")) as f:
        started = json.load(f)["started"]
    # Python reads at most microseconds: cut the fraction to six digits.
    started = re.sub(r"(\.\d{6})\d+", r"\1", started)
    return datetime.datetime.fromisoformat(started).timestamp()


def stop(pid, fd, data):
    os.write(fd, b"\x03")
    os.waitpid(pid, 0)
    os.close(fd)
    shutil.rmtree(data, ignore_errors=True)


def countdown(binary, seconds):
    data = data_folder()
    pid, fd = spawn(binary, data, ["timer", "heat", "--duration", "20m"])
    seen, _ = wait_for(fd, CHECK_TEXT, b"")
    os.write(fd, b"\r")
    wait_started(fd, data, seen)
    time.sleep(0.5)
    drain(fd, 0)
    t0, v0, i0 = threads_counters(pid)
    begin = time.monotonic()
    drawn = 0
    while time.monotonic() - begin < seconds:
        drawn += len(drain(fd, 1.0))
    t1, v1, i1 = threads_counters(pid)
    elapsed = time.monotonic() - begin
    stop(pid, fd, data)
    cpu = (t1 - t0) / os.sysconf("SC_CLK_TCK")
    print(f"running heat countdown, {elapsed:.1f} s: cpu {cpu:.3f} s "
          f"({100 * cpu / elapsed:.3f}% of a core), wake-ups {v1 - v0} voluntary + "
          f"{i1 - i0} involuntary context switches, {drawn} bytes drawn "
          f"({drawn / elapsed:.0f} B/s)")


def lateness(binary):
    data = data_folder()
    pid, fd = spawn(binary, data, ["timer", "cold", "--duration", "3s"])
    seen, _ = wait_for(fd, CHECK_TEXT, b"")
    os.write(fd, b"\r")
    seen = wait_started(fd, data, seen)
    deadline = wall_start(data) + 3.0
    _, alert_at = wait_for(fd, ALERT_TEXT, seen)
    stop(pid, fd, data)
    return (alert_at - deadline) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default="target/release/backcoach")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"binary: {args.binary}", flush=True)
    late = [lateness(args.binary) for _ in range(args.runs)]
    print(f"alert after the deadline (timer cold --duration 3s, {args.runs} runs): "
          f"median {statistics.median(late):.1f} ms, min {min(late):.1f} ms, "
          f"max {max(late):.1f} ms; all: {', '.join(f'{x:.1f}' for x in late)}")
    countdown(args.binary, args.seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
