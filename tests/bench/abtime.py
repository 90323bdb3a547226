#!/usr/bin/env python3
"""Times commands against each other in interleaved rounds (each round in a new random order), each command
started with posix_spawn and its output thrown away. Prints each command's median and, against the first
command, the ratio of the medians and the median of the run-by-run ratios (a slow spell touches both alike).

  tests/bench/abtime.py ROUNDS 'NAME=[VAR=VALUE ...] COMMAND ARGS...' ...
  e.g. tests/bench/abtime.py 150 "cat=cat /proc/$PID/smaps" "snap=build/bin/vmatlas snapshot --pid $PID --csv -"
"""
import os
import random
import shlex
import statistics
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    specs = []
    for arg in sys.argv[2:]:
        name, rest = arg.split('=', 1)
        words = shlex.split(rest)
        env = dict(os.environ)
        while words and '=' in words[0] and not words[0].startswith('/'):
            key, value = words.pop(0).split('=', 1)
            env[key] = value
        specs.append((name, words, env))
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    times = {name: [] for name, _, _ in specs}
    for _ in range(rounds):
        order = list(specs)
        random.shuffle(order)
        for name, words, env in order:
            t0 = time.perf_counter()
            pid = os.posix_spawnp(words[0], words, env, file_actions=actions)
            _, status = os.waitpid(pid, 0)
            times[name].append((time.perf_counter() - t0) * 1000)
            if status != 0:
                sys.exit(f"{name}: exit status {status}")
    first = specs[0][0]
    for name, _, _ in specs:
        median = statistics.median(times[name])
        paired = statistics.median(a / b for a, b in zip(times[name], times[first]))
        print(f"{name:12s} median {median:8.2f} ms  min {min(times[name]):8.2f}  "
              f"/ {first}: {median / statistics.median(times[first]):.3f} (paired {paired:.3f})")


if __name__ == '__main__':
    main()
