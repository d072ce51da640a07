#!/usr/bin/env python3
"""Measure backcoach in a real pseudo-terminal: time to first frame, resident
memory, and CPU time plus wake-ups (context switches of every thread) while it
sits idle on the home screen.

Usage: python3 .ci/measure/idle.py [BINARY] [--seconds N]
(default binary: target/release/backcoach; build it with cargo build --release)
Prints figures only; it asserts nothing.
"""

import argparse
import fcntl
import os
import pty
import select
import shutil
import struct
import tempfile
import termios
import time

HOME_TEXT = b"What would you like to do?"


def threads_counters(pid):
    """Sum of (utime+stime ticks, voluntary, involuntary switches) over threads."""
    ticks = vol = invol = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
        with open(f"/proc/{pid}/task/{tid}/status") as f:
            for line in f:
                if line.startswith("voluntary_ctxt_switches"):
                    vol += int(line.split()[1])
                elif line.startswith("nonvoluntary_ctxt_switches"):
                    invol += int(line.split()[1])
    return ticks, vol, invol


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default="target/release/backcoach")
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="backcoach-measure-")
    # Pre-acknowledge the first-run statement so the first frame is home.
    with open(os.path.join(data, "settings.ron"), "w") as f:
        f.write('(version: 1, disclaimer_acknowledged: Some("2026-01-01T00:00:00+00:00"))')

    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(args.binary, [args.binary, "--data-dir", data])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    seen = b""
    first_frame = None
    while time.monotonic() - start < 10:
        seen += drain(fd, 0.05)
        if HOME_TEXT in seen:
            first_frame = time.monotonic() - start
            break
    if first_frame is None:
        print("home screen never appeared; output was:", seen[-400:])
        return 1
    time.sleep(0.5)  # let start-up settle before counting
    drain(fd, 0)
    t0, v0, i0 = threads_counters(pid)
    threads = len(os.listdir(f"/proc/{pid}/task"))
    rss = rss_kib(pid)
    idle_start = time.monotonic()
    output_bytes = 0
    while time.monotonic() - idle_start < args.seconds:
        output_bytes += len(drain(fd, 1.0))
    t1, v1, i1 = threads_counters(pid)
    elapsed = time.monotonic() - idle_start
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    shutil.rmtree(data, ignore_errors=True)

    hz = os.sysconf("SC_CLK_TCK")
    cpu = (t1 - t0) / hz
    print(f"binary: {args.binary}")
    print(f"start-up to first frame: {first_frame * 1000:.1f} ms")
    print(f"resident memory (VmRSS) on home: {rss} KiB across {threads} threads")
    print(f"idle {elapsed:.1f} s on home: cpu {cpu:.3f} s ({100 * cpu / elapsed:.3f}% of a core), "
          f"wake-ups {v1 - v0} voluntary + {i1 - i0} involuntary context switches, "
          f"{output_bytes} bytes drawn")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
