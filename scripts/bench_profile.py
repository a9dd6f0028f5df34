#!/usr/bin/env python3
"""scripts/bench_profile.py - where our kernel's instructions go, per benchmark
operation (docs/bench.md, "Profiling"):

  bench_profile.py --ops N "PROG ARGS_A" "PROG ARGS_B" [--top 40] [--mem 512M] [--swap]

boots our kernel twice under -icount (deterministic: the same instructions
every time) running `/bench/run PROG ARGS_A`, then `... ARGS_B`, the second
doing N more operations than the first ("getpid 1000" and "getpid 2000",
N = 1000), with QEMU's own tracing: -d in_asm (each translated block's
instructions, hence its length) and -d exec,nochain (each block executed),
limited to the kernel's addresses by -dfilter. Instructions are counted per
function (the symbol of each block's start, from build/kernel.elf) and per
entry point: the system call, page fault or interrupt whose handler was
entered last, an inclusive cost that also takes in the exit path after the
handler and whatever a context switch runs until the next entry point. The
difference between the boots, divided by N, is the kernel's cost of one
operation: everything the boots share (boot, start-up, exit) cancels out.
User-mode instructions are not traced. --swap attaches a fresh swap disk
(for swap_thrash). Traces are large (~100 MB per million kernel blocks) and
are deleted once read.
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

KERNEL_START, KERNEL_END = 0xffffffff80000000, 0xffffffffffffffff
# Left out of the trace: the boot's PIT busy-wait, whose polling reads block
# on the I/O thread, so their traced repetitions vary from boot to boot
# (the guest's instructions do not: the boot row is the same to the ns).
UNTRACED = ("pit_calibrate_tsc",)
TRACE = re.compile(r"^Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/[0-9a-f]+/([0-9a-f]+)\]")
# The instruction limit in a block's cflags (QEMU's CF_COUNT_MASK): icount makes
# a shorter block at the same address when a timer is due within it.
CF_COUNT_MASK = 0x1ff
# A block that exits at its start for an interrupt request runs none of its
# instructions, though its Trace line was written: QEMU says so right after.
STOPPED = re.compile(r"^Stopped execution of TB chain before \S+ \[([0-9a-f]+)\]")
INSN = re.compile(r"^0x([0-9a-f]+):")
POWER_OFF = re.compile(r"^\[ *(\d+)\.(\d{6})\] reboot: power off", re.M)


def is_entry(name):
    """Is @name a function whose start marks what the kernel does next: a system
    call, the page-fault handler, an interrupt (the entry points of the breakdown)?"""
    return name.startswith("sys_") or name in ("handle_page_fault", "irq_dispatch")


class Symbols:
    """The kernel's function symbols (nm), sorted by address, with their sizes."""

    def __init__(self, elf):
        out = subprocess.run(["nm", "-n", "-S", "--defined-only", elf], capture_output=True, text=True,
                             check=True).stdout
        self.addrs, self.names, self.sizes = [], [], {}
        for line in out.splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[-2] in "tTwW":
                self.addrs.append(int(parts[0], 16))
                self.names.append(parts[-1])
                self.sizes[parts[-1]] = int(parts[1], 16) if len(parts) == 4 else 1
        self.entries = {a for a, n in zip(self.addrs, self.names) if is_entry(n)}

    def name(self, pc):
        i = bisect.bisect_right(self.addrs, pc) - 1
        return self.names[i] if i >= 0 else hex(pc)

    def dfilter(self):
        """QEMU's -dfilter ranges: the kernel's addresses but UNTRACED's functions."""
        ranges, lo = [], KERNEL_START
        for a, n in sorted((a, n) for a, n in zip(self.addrs, self.names) if n in UNTRACED):
            ranges.append(f"{lo:#x}..{a - 1:#x}")
            lo = a + self.sizes[n]
        return ",".join(ranges + [f"{lo:#x}..{KERNEL_END:#x}"])


def count(log, syms):
    """Instructions executed per (entry point, function) in the trace @log: each
    block's length times its executions, under the entry point (is_entry) whose
    start was executed last. A block's length is that of the longest listing
    (in_asm) at its address, cut to the limit in its cflags when it has one;
    a block stopped at its start (STOPPED) is not counted."""
    natural, runs = {}, collections.Counter()
    block, n, entry, last = None, 0, "(boot)", None
    with open(log, errors="replace") as f:
        for line in f:
            m = TRACE.match(line)
            if m:
                pc = int(m.group(1), 16)
                if pc in syms.entries:
                    entry = syms.name(pc)
                last = (entry, pc, int(m.group(2), 16) & CF_COUNT_MASK)
                runs[last] += 1
                continue
            m = STOPPED.match(line)
            if m:
                if last and last[1] == int(m.group(1), 16):
                    runs[last] -= 1
                last = None
                continue
            m = INSN.match(line)
            if m:
                if block is None:
                    block, n = int(m.group(1), 16), 0
                n += 1
            elif block is not None:  # the end of an IN: listing
                natural[block] = max(n, natural.get(block, 0))
                block = None
    if block is not None:
        natural[block] = max(n, natural.get(block, 0))
    total = collections.Counter()
    for (entry, pc, limit), times in runs.items():
        length = natural.get(pc, 1)
        total[entry, syms.name(pc)] += times * (min(length, limit) if limit else length)
    return total


def guest_us(serial_log):
    """The guest's clock at power-off in microseconds (under icount: all guest
    instructions, user mode and kernel, / 1000), from our kernel's last line."""
    with open(serial_log, errors="replace") as f:
        m = POWER_OFF.search(f.read())
    if not m:
        raise bench.BenchError(f"{serial_log}: no 'reboot: power off' line")
    return int(m.group(1)) * 1000000 + int(m.group(2))


def report(diff, top):
    """Print @diff ((entry, function) -> instructions per operation): the total,
    per entry point with its heaviest functions, then per function."""
    by_entry, by_function = collections.Counter(), collections.Counter()
    for (entry, fn), v in diff.items():
        by_entry[entry] += v
        by_function[fn] += v
    print(f"{sum(diff.values()):10.1f}  total")
    print("by entry point (each block under the system call, fault or interrupt entered last):")
    for entry, v in by_entry.most_common():
        if abs(v) < 0.5:
            continue
        print(f"{v:10.1f}  {entry}")
        fns = sorted(((f, w) for (e, f), w in diff.items() if e == entry), key=lambda fw: -abs(fw[1]))
        for f, w in fns[:8]:
            if abs(w) >= 0.5:
                print(f"{'':10}  {w:10.1f}  {f}")
    print("by function:")
    for f, v in sorted(by_function.items(), key=lambda kv: -abs(kv[1]))[:top]:
        if abs(v) >= 0.05:
            print(f"{v:10.1f}  {f}")


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
    syms = Symbols(os.path.join(build, "kernel.elf"))
    totals, guest = [], []
    serial = os.path.join(work, "serial.log")
    try:
        for which in (args.a, args.b):
            log = os.path.join(work, "trace.log")
            trace = ["-d", "in_asm,exec,nochain", "-dfilter", syms.dfilter(), "-D", log]
            rows, _ = bench.boot(kernel, "icount", which.split(), f"{args.mem}M",
                                 os.path.join(work, "swap.img") if args.swap else None,
                                 serial, trace)
            print("\n".join(f"  {n}: {r}" for n, r in rows.items()), file=sys.stderr)
            guest.append(guest_us(serial))
            totals.append(count(log, syms))
            os.remove(log)
    except (bench.BenchError, subprocess.SubprocessError) as e:
        print(f"bench_profile: error: {e}", file=sys.stderr)
        return 1
    diff = {k: (totals[1][k] - totals[0][k]) / args.ops for k in set(totals[0]) | set(totals[1])}
    print(f"kernel instructions per operation: '{args.b}' minus '{args.a}', divided by {args.ops}")
    print(f"{(guest[1] - guest[0]) * 1000 / args.ops:10.0f}  all guest instructions (user mode too), "
          "from the guest clock at power-off (microsecond steps)")
    report(diff, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
