#!/usr/bin/env python3
"""Measure the safety screens of backcoach in a real pseudo-terminal:
time to the first frame of `backcoach release` (the checklist) and of
`backcoach safety` (the warnings review), CPU and wake-ups while each sits
idle, bytes drawn per scroll key, and the time `backcoach safety --print`
takes.

Usage: python3 .ci/measure/safety.py [BINARY] [--seconds N]
(default binary: target/release/backcoach; build it with cargo build --release)
Prints figures only; it asserts nothing.
"""

import sys

sys.dont_write_bytecode = True  # importing idle.py must not leave a __pycache__

import argparse
import os
import shutil
import subprocess
import tempfile
import time

from idle import drain, rss_kib, threads_counters

import fcntl
import pty
import struct
import termios


def start(binary, data, args):
    begin = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary, "--data-dir", data, *args])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd, begin


def wait_for(fd, text, begin, limit=10.0):
    seen = b""
    while time.monotonic() - begin < limit:
        seen += drain(fd, 0.05)
        if text in seen:
            return time.monotonic() - begin
    return None


def idle(pid, fd, seconds):
    time.sleep(0.5)
    drain(fd, 0)
    t0, v0, i0 = threads_counters(pid)
    began = time.monotonic()
    drawn = 0
    while time.monotonic() - began < seconds:
        drawn += len(drain(fd, 1.0))
    t1, v1, i1 = threads_counters(pid)
    elapsed = time.monotonic() - began
    cpu = (t1 - t0) / os.sysconf("SC_CLK_TCK")
    return elapsed, cpu, v1 - v0, i1 - i0, drawn


def screen(binary, data, args, text, label, seconds):
    pid, fd, begin = start(binary, data, args)
    first = wait_for(fd, text, begin)
    if first is None:
        print(f"{label}: never appeared")
        os.kill(pid, 15)
        os.waitpid(pid, 0)
        return None
    rss = rss_kib(pid)
    elapsed, cpu, vol, invol, drawn = idle(pid, fd, seconds)
    print(f"{label}: first frame {first * 1000:.1f} ms, VmRSS {rss} KiB; idle {elapsed:.1f} s: "
          f"cpu {cpu:.3f} s, wake-ups {vol} voluntary + {invol} involuntary, {drawn} bytes drawn")
    return pid, fd


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default="target/release/backcoach")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="backcoach-measure-")
    with open(os.path.join(data, "settings.ron"), "w") as f:
        f.write('(version: 1, disclaimer_acknowledged: Some("2026-01-01T00:00:00+00:00"))')
    print(f"binary: {args.binary}")

    opened = screen(args.binary, data, ["release"], b"Question 1 of 16",
                    "release (checklist)", args.seconds)
    if opened:
        pid, fd = opened
        os.write(fd, b"\x1b")
        wait_for(fd, b"What would you like", time.monotonic())
        os.write(fd, b"q")
        os.waitpid(pid, 0)

    opened = screen(args.binary, data, ["safety"], b"Not reviewed yet",
                    "safety (warnings review)", args.seconds)
    if opened:
        pid, fd = opened
        sizes = []
        for _ in range(20):
            os.write(fd, b"j")
            began = time.monotonic()
            out = b""
            while time.monotonic() - began < 1.0:
                chunk = drain(fd, 0.05)
                if not chunk and out:
                    break
                out += chunk
            sizes.append(len(out))
        print(f"scrolling one line: {sum(sizes) / len(sizes):.0f} bytes drawn per key (mean of 20)")
        os.write(fd, b"q")
        wait_for(fd, b"What would you like", time.monotonic())
        os.write(fd, b"q")
        os.waitpid(pid, 0)

    runs = []
    size = 0
    for _ in range(20):
        began = time.monotonic()
        out = subprocess.run([args.binary, "safety", "--print"], capture_output=True, check=True)
        runs.append(time.monotonic() - began)
        size = len(out.stdout)
    runs.sort()
    escapes = out.stdout.count(b"\x1b")
    print(f"safety --print: median {runs[len(runs) // 2] * 1000:.1f} ms, "
          f"max {runs[-1] * 1000:.1f} ms over 20 runs, {size} bytes, {escapes} escape bytes")
    shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
