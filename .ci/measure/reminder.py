#!/usr/bin/env python3
"""Measure the stand-up reminder's headless commands.

1. `backcoach remind` between two reminders: CPU time and wake-ups (context
   switches of every thread) over N seconds while it waits (goal: none).
2. `backcoach status`: wall-clock run time over many runs (goal: well under
   50 ms), with a real settings file and schedule.
3. The full-screen app idling on the Reminder screen, which redraws once a
   minute for its "in N min" text, for comparison with idle.py (home: none).

Usage: python3 .ci/measure/reminder.py [BINARY] [--seconds N] [--runs N]
(default binary: target/release/backcoach). Prints figures; asserts nothing.
"""

import argparse
import sys
import fcntl
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import tempfile
import termios
import time

sys.dont_write_bytecode = True  # importing idle.py must not leave a __pycache__
from idle import drain, threads_counters  # noqa: E402


def write_settings(data):
    os.makedirs(data, exist_ok=True)
    with open(os.path.join(data, "settings.ron"), "w") as f:
        f.write('(version: 1, disclaimer_acknowledged: Some("2026-01-01T00:00:00+00:00"),'
                ' reminder: (from: "00:00", until: "24:00",'
                ' days: ["Mon","Tue","Wed","Thu","Fri","Sat","Sun"]))')


def measure_remind(binary, seconds):
    data = tempfile.mkdtemp(prefix="backcoach-measure-remind-")
    write_settings(data)
    proc = subprocess.Popen([binary, "--data-dir", data, "remind", "--every", "180m"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.0)  # start-up settles
    t0, v0, i0 = threads_counters(proc.pid)
    threads = len(os.listdir(f"/proc/{proc.pid}/task"))
    start = time.monotonic()
    time.sleep(seconds)
    t1, v1, i1 = threads_counters(proc.pid)
    elapsed = time.monotonic() - start
    proc.send_signal(2)  # SIGINT, like Ctrl-C
    code = proc.wait(timeout=5)
    shutil.rmtree(data, ignore_errors=True)
    hz = os.sysconf("SC_CLK_TCK")
    print(f"remind, waiting {elapsed:.1f} s between reminders ({threads} threads): "
          f"cpu {(t1 - t0) / hz:.3f} s, wake-ups {v1 - v0} voluntary + {i1 - i0} involuntary "
          f"context switches; exit code after SIGINT: {code if code >= 0 else 128 - code}")


def measure_status(binary, runs):
    data = tempfile.mkdtemp(prefix="backcoach-measure-status-")
    write_settings(data)
    subprocess.run([binary, "--data-dir", data, "remind", "--every", "1s", "--once"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times = []
    line = b""
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([binary, "--data-dir", data, "status"],
                             stdout=subprocess.PIPE, check=True)
        times.append((time.perf_counter() - start) * 1000)
        line = out.stdout
    shutil.rmtree(data, ignore_errors=True)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"status over {runs} runs: mean {statistics.mean(times):.2f} ms, "
          f"median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, max {times[-1]:.2f} ms; "
          f"output {line!r}")


def measure_app_on_reminder_screen(binary, seconds):
    data = tempfile.mkdtemp(prefix="backcoach-measure-app-")
    write_settings(data)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary, "--data-dir", data])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    deadline = time.monotonic() + 10
    while b"What would you like" not in seen and time.monotonic() < deadline:
        seen += drain(fd, 0.05)
    os.write(fd, b"j\r")
    while b"Stand up and walk around" not in seen and time.monotonic() < deadline:
        seen += drain(fd, 0.05)
    time.sleep(0.5)
    drain(fd, 0)
    t0, v0, i0 = threads_counters(pid)
    start = time.monotonic()
    drawn = 0
    while time.monotonic() - start < seconds:
        drawn += len(drain(fd, 1.0))
    t1, v1, i1 = threads_counters(pid)
    elapsed = time.monotonic() - start
    os.write(fd, b"\x1b")  # Esc alone: "\x1bq" would read as Alt-q
    time.sleep(0.3)
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    shutil.rmtree(data, ignore_errors=True)
    hz = os.sysconf("SC_CLK_TCK")
    print(f"app on the Reminder screen, {elapsed:.1f} s: cpu {(t1 - t0) / hz:.3f} s, "
          f"wake-ups {v1 - v0} voluntary + {i1 - i0} involuntary context switches, "
          f"{drawn} bytes drawn (one redraw a minute is expected)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default="target/release/backcoach")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--only-app", action="store_true")
    args = parser.parse_args()
    print(f"binary: {args.binary}")
    if not args.only_app:
        measure_status(args.binary, args.runs)
        measure_remind(args.binary, args.seconds)
    measure_app_on_reminder_screen(args.binary, args.seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
