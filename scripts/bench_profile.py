#!/usr/bin/env python3
"""scripts/bench_profile.py - where our kernel's instructions go, per benchmark
operation, function by function (docs/bench.md, "Profiling"):

  bench_profile.py --ops N "PROG ARGS_A" "PROG ARGS_B" [--top 40] [--mem 512M] [--swap]

boots our kernel twice under -icount (deterministic: the same instructions every
time) running `/bench/run PROG ARGS_A`, then `... ARGS_B`, the second doing N
more operations than the first (faults 1 vs faults 2: 512 more faults), with
QEMU's own tracing: -d in_asm (each translated block's instructions, hence its
length) and -d exec,nochain (each block executed), both limited to the
kernel's addresses by -dfilter. Instructions are counted per function (the
symbol of each block's start, from build/kernel.elf); the difference between
the boots, divided by N, is the kernel's cost of one operation, everything the
two boots share (boot, start-up, exit) cancelled out. User-mode instructions
are not traced. --swap attaches a fresh swap disk (for swap_thrash).
Traces are large (~100 MB per million kernel blocks) and are
deleted once read.
"""
import argparse
import bisect
import collections
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import bench  # noqa: E402

KERNEL_RANGE = "0xffffffff80000000..0xffffffffffffffff"
TRACE = re.compile(r"^Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/")
INSN = re.compile(r"^0x([0-9a-f]+):")


def symbols(elf):
    """The kernel's function symbols as two sorted lists: start addresses, names."""
    out = subprocess.run(["nm", "-n", "--defined-only", elf], capture_output=True, text=True,
                         check=True).stdout
    addrs, names = [], []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            addrs.append(int(parts[0], 16))
            names.append(parts[2])
    return addrs, names


def count(log):
    """Per block start address: (instructions in the block, times executed)."""
    length, runs = {}, collections.Counter()
    block, n = None, 0
    with open(log, errors="replace") as f:
        for line in f:
            m = TRACE.match(line)
            if m:
                runs[int(m.group(1), 16)] += 1
                continue
            m = INSN.match(line)
            if m:
                if block is None:
                    block, n = int(m.group(1), 16), 0
                n += 1
            elif block is not None:  # the end of an IN: listing
                length[block] = n
                block = None
    if block is not None:
        length[block] = n
    return length, runs


def per_function(log, syms):
    """Instructions executed per kernel function in the trace @log."""
    length, runs = count(log)
    addrs, names = syms
    total = collections.Counter()
    for pc, times in runs.items():
        i = bisect.bisect_right(addrs, pc) - 1
        total[names[i] if i >= 0 else hex(pc)] += times * length.get(pc, 1)
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ops", type=int, required=True, help="how many more operations B does than A")
    ap.add_argument("--top", type=int, default=40, help="functions shown (40)")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--mem", type=bench.mib, default=512, help="RAM (512M)")
    ap.add_argument("--swap", action="store_true", help="attach a fresh swap disk")
    ap.add_argument("a", help='the runner\'s arguments for the smaller boot, e.g. "faults 1"')
    ap.add_argument("b", help='the same program with --ops more operations, e.g. "faults 2"')
    args = ap.parse_args()
    if args.ops < 1:
        ap.error("--ops must be at least 1")
    build = os.path.abspath(args.build)
    work = os.path.join(build, "bench", "profile")
    os.makedirs(work, exist_ok=True)
    kernel = bench.Ours(build, work)
    syms = symbols(os.path.join(build, "kernel.elf"))
    totals = []
    try:
        for which in (args.a, args.b):
            log = os.path.join(work, "trace.log")
            trace = ["-d", "in_asm,exec,nochain", "-dfilter", KERNEL_RANGE, "-D", log]
            rows, _ = bench.boot(kernel, "icount", which.split(), f"{args.mem}M",
                                 os.path.join(work, "swap.img") if args.swap else None,
                                 os.path.join(work, "serial.log"), trace)
            print("\n".join(f"  {n}: {r}" for n, r in rows.items()), file=sys.stderr)
            totals.append(per_function(log, syms))
            os.remove(log)
    except (bench.BenchError, subprocess.SubprocessError) as e:
        print(f"bench_profile: error: {e}", file=sys.stderr)
        return 1
    diff = {f: (totals[1][f] - totals[0][f]) / args.ops for f in set(totals[0]) | set(totals[1])}
    print(f"kernel instructions per operation: '{args.b}' minus '{args.a}', divided by {args.ops}")
    print(f"{sum(diff.values()):10.1f}  total")
    for f, v in sorted(diff.items(), key=lambda kv: -abs(kv[1]))[:args.top]:
        if abs(v) >= 0.05:
            print(f"{v:10.1f}  {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
