#!/usr/bin/env python3
"""Measure backcoach during a 60 s hold countdown in a real pseudo-terminal:
CPU time, wake-ups (context switches of every thread), redraws (bursts of
output) and how close to 60 s the hold ends.

Usage: python3 .ci/measure/session_hold.py [BINARY] [--seconds N]
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

from idle import threads_counters, drain

ROUTINE = """(
    version: 1,
    exercises: [(id: "long_hold", name: "Long hold", position: lying_on_back,
                 steps: ["Lie still.", "Hold."], dose: (hold_secs: 60))],
    routines: [(id: "hold60", name: "Sixty seconds", get_ready_secs: 1,
                items: [(exercise: "long_hold")])],
)"""


def wait_for(fd, text, seen, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen += drain(fd, 0.01)
        if text in seen:
            return seen, time.monotonic()
    raise SystemExit(f"{text!r} never appeared; output ended with {seen[-300:]!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default="target/release/backcoach")
    parser.add_argument("--seconds", type=float, default=55.0)
    args = parser.parse_args()

    root = tempfile.mkdtemp(prefix="backcoach-hold-")
    data, content = os.path.join(root, "data"), os.path.join(root, "content")
    os.makedirs(data)
    os.makedirs(content)
    with open(os.path.join(data, "settings.ron"), "w") as f:
        f.write('(version: 1, disclaimer_acknowledged: Some("2026-01-01T00:00:00+00:00"))')
    with open(os.path.join(content, "hold.ron"), "w") as f:
        f.write(ROUTINE)

    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(args.binary, [args.binary, "--data-dir", data, "--content", content,
                               "session", "hold60"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    seen, _ = wait_for(fd, b"Pain check-in", b"", 10)
    os.write(fd, b"s")
    # The hold's first frame carries the "Hold" announcement.
    seen, hold_seen = wait_for(fd, "» Hold".encode(), seen, 10)
    time.sleep(1.0)
    drain(fd, 0)
    t0, v0, i0 = threads_counters(pid)
    start = time.monotonic()
    bursts = 0
    output_bytes = 0
    last_data = 0.0
    while time.monotonic() - start < args.seconds:
        chunk = drain(fd, 0.05)
        if chunk:
            now = time.monotonic()
            if now - last_data > 0.1:
                bursts += 1
            last_data = now
            output_bytes += len(chunk)
    t1, v1, i1 = threads_counters(pid)
    elapsed = time.monotonic() - start
    seen, end_seen = wait_for(fd, b"Pain check-out", b"", 15)
    os.write(fd, b"\x03")
    os.waitpid(pid, 0)
    shutil.rmtree(root, ignore_errors=True)

    hz = os.sysconf("SC_CLK_TCK")
    cpu = (t1 - t0) / hz
    print(f"binary: {args.binary}")
    print(f"during {elapsed:.1f} s of a 60 s hold: cpu {cpu:.3f} s "
          f"({100 * cpu / elapsed:.3f}% of a core), wake-ups {v1 - v0} voluntary + "
          f"{i1 - i0} involuntary context switches, {bursts} redraws "
          f"({bursts / elapsed:.2f} per second), {output_bytes} bytes drawn")
    print(f"hold seen on screen to check-out seen: {end_seen - hold_seen:.3f} s "
          f"(60 s hold; screen polling adds up to ~10 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
