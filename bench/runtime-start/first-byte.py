#!/usr/bin/env python3
"""Runs a command N times and reports how long until its first byte of stdout (the container's
user command is running and has written) and until it exits, in milliseconds.

Usage: first-byte.py N -- CMD ARGS...   prints "first_ms exit_ms" per run, one line each.
The command's stdin is /dev/null and its stderr is passed through."""
import os
import subprocess
import sys
import time

n = int(sys.argv[1])
cmd = sys.argv[sys.argv.index("--") + 1:]
for _ in range(n):
    t0 = time.perf_counter_ns()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    first = p.stdout.read(1)
    t1 = time.perf_counter_ns()
    p.stdout.read()
    code = p.wait()
    t2 = time.perf_counter_ns()
    if not first or code != 0:
        sys.exit(f"first-byte.py: {' '.join(cmd)} exited {code} without output")
    print(f"{(t1 - t0) / 1e6:.2f} {(t2 - t0) / 1e6:.2f}", flush=True)
