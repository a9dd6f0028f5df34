#!/usr/bin/env python3
"""scripts/bench.py - `make bench`, `make bench-linux`, `make bench-compare` (docs/bench.md).

  bench.py run ours|linux [--runs N] [--mem 512M] [--swap-mem 160M] [--out FILE]
      boot the kernel in QEMU with the benchmark runner (user/bench/run.c): once
      under -icount (repeatable: guest time counts instructions), then N times
      (3) on the plain TCG wall clock; each time two boots, the rows at --mem and
      swap_thrash at --swap-mem with a swap disk and a working set of twice that.
      Saves the result set as JSON (--out) and prints its table.
  bench.py show FILE             print a saved result set's table
  bench.py compare OURS LINUX    ours beside Linux, the ratio ours/Linux per row

Every QEMU is started by scripts/qemu.sh (same machine, CPU, firmware and disks
for both kernels), one at a time; serial logs go to build/bench/logs/.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import bench_linux  # noqa: E402
import bench_table  # noqa: E402

# The two modes: QEMU options on top of qemu.sh's (-accel tcg -machine pc -cpu qemu64
# -m MEM, OVMF). Both preallocate guest RAM, so that no row pays for the host
# faulting in QEMU's memory the first time a guest frame is touched.
MODES = {
    "icount": ["-mem-prealloc", "-icount", "shift=0,sleep=off",
               "-rtc", "base=2024-01-01T00:00:00,clock=vm"],
    "wall": ["-mem-prealloc"],
}
SWAP_DISK_SIZE = "1G"
# Linux's command line: no transparent huge pages (our kernel has none, and with
# them a 64 MiB first touch is 32 faults, not 16384); quiet, as our loglevel is
# short. The runner's arguments go last, without "--": OVMF appends
# "initrd=initrd", which after "--" would reach /init's argv too.
LINUX_CMDLINE = "console=ttyS0 quiet transparent_hugepage=never"
BOOT_TIMEOUT = 3600  # s: a swap boot under icount on a busy machine is slow


class BenchError(Exception):
    """A boot or a step failed; the message says which and where its log is."""


def mib(size):
    """A QEMU memory size (512M, 1G, or MiB alone) in MiB."""
    m = re.fullmatch(r"(\d+)([MG]?)", size)
    if not m or int(m.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"'{size}' is not a size like 512M or 1G")
    return int(m.group(1)) * (1024 if m.group(2) == "G" else 1)


class Ours:
    """Our kernel: the loader, kernel and initrd `make` built, on an ESP made
    afresh for each boot with that boot's command line."""
    name = "ours"

    def __init__(self, build, work):
        self.build, self.work = build, work

    def boot_args(self, runner_args):
        """qemu.sh's IMG and extra arguments for a boot running /bench/run @runner_args."""
        cmdline = os.path.join(self.work, "cmdline.txt")
        img = os.path.join(self.work, "esp.img")
        with open(cmdline, "w") as f:
            f.write(f'console=ttyS0 init="{" ".join(["/bench/run"] + runner_args)}"\n')
        b = self.build
        subprocess.run([os.path.join(ROOT, "scripts", "mkesp.sh"), img, f"{b}/BOOTX64.EFI", f"{b}/kernel.elf",
                        f"{b}/initrd.cpio", cmdline], check=True)
        return img, []


class Linux:
    """Debian's Linux, booted by OVMF from QEMU's -kernel/-initrd (OVMF loads
    them through fw_cfg), with an empty disk where ours has its ESP."""
    name = "linux"

    def __init__(self, build, work):
        self.vmlinuz, moddir, self.package = bench_linux.fetch(os.path.join(work, "debian"))
        self.initramfs = os.path.join(work, "initramfs.cpio")
        bench_linux.make_initramfs(self.initramfs, os.path.join(build, "initrd", "bench"), moddir,
                                   os.path.join(work, "initramfs"))
        self.blank = os.path.join(work, "blank.img")
        with open(self.blank, "wb") as f:
            f.truncate(1024 * 1024)

    def boot_args(self, runner_args):
        cmdline = " ".join([LINUX_CMDLINE] + runner_args)
        return self.blank, ["-kernel", self.vmlinuz, "-initrd", self.initramfs, "-append", cmdline]


def qemu_version():
    out = subprocess.run(["qemu-system-x86_64", "--version"], capture_output=True, text=True).stdout
    return out.splitlines()[0] if out else "qemu-system-x86_64: unknown version"


def boot(kernel, mode, runner_args, mem, swap_img, log, qemu_extra=()):
    """One boot of @kernel in @mode with @mem of RAM running the runner with
    @runner_args, with a fresh swap disk at @swap_img (None: no disk) and the
    QEMU options @qemu_extra; its rows and "bench: ..." lines. The serial
    output is kept in @log."""
    img, extra = kernel.boot_args(runner_args)
    env = dict(os.environ, MEM=mem, SWAP=swap_img or "0", QEMUFLAGS="")
    if swap_img:
        subprocess.run([os.path.join(ROOT, "scripts", "mkswapimg.sh"), SWAP_DISK_SIZE, swap_img], check=True)
    what = f"{kernel.name} {mode} {' '.join(runner_args) or 'rows'}"
    t0 = time.time()
    with open(log, "w") as f:
        try:
            subprocess.run([os.path.join(ROOT, "scripts", "qemu.sh"), "test", img] + MODES[mode] +
                           list(qemu_extra) + extra, env=env, stdout=f, stderr=subprocess.STDOUT,
                           timeout=BOOT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise BenchError(f"{what}: no end after {BOOT_TIMEOUT} s; log: {log}")
    with open(log, errors="replace") as f:
        rows, about = bench_table.parse(f.read())
    done = [a for a in about if a.startswith("done,")]
    if done != ["done, 0 failed"]:
        raise BenchError(f"{what}: {done[0] if done else 'the runner did not finish'}; log: {log}")
    print(f"bench: {what}: {time.time() - t0:.0f} s", file=sys.stderr, flush=True)
    return rows, [a for a in about if not a.startswith("done,")]


def run(args):
    """`run`: every boot of one kernel, saved and printed."""
    build = os.path.abspath(args.build)
    work = os.path.join(build, "bench", args.kernel)
    logs = os.path.join(build, "bench", "logs")
    os.makedirs(work, exist_ok=True)
    os.makedirs(logs, exist_ok=True)
    kernel = (Ours if args.kernel == "ours" else Linux)(build, work)
    mem, swap_mem = f"{args.mem}M", f"{args.swap_mem}M"
    swap_args = ["swap_thrash", str(2 * args.swap_mem)]
    res = dict(kernel=args.kernel, about=[], qemu=qemu_version(), runs={"icount": [], "wall": []},
               flags=dict(modes=MODES, mem=mem, swap_mem=swap_mem))
    if args.kernel == "linux":
        res["about"].append(f"Debian {kernel.package.replace('=', ' ')}, command line: {LINUX_CMDLINE}")
    for mode, n in (("icount", 1), ("wall", args.runs)):
        for i in range(n):
            rows, about = boot(kernel, mode, [], mem, None, os.path.join(logs, f"{args.kernel}-{mode}{i}.log"))
            swap_rows, swap_about = boot(kernel, mode, swap_args, swap_mem, os.path.join(work, "swap.img"),
                                         os.path.join(logs, f"{args.kernel}-{mode}{i}-swap.log"))
            rows.update((k, v) for k, v in swap_rows.items() if k != "boot")
            res["about"] += [a for a in about + [a + " (swap boot)" for a in swap_about] if a not in res["about"]]
            res["runs"][mode].append(rows)
    with open(args.out, "w") as f:
        json.dump(res, f, indent=1)
    print(bench_table.table(res))


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise BenchError(f"{path}: {e} (make bench / make bench-linux write it)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("kernel", choices=["ours", "linux"])
    r.add_argument("--build", default=os.path.join(ROOT, "build"))
    r.add_argument("--runs", type=int, default=3, help="wall-clock runs (3)")
    r.add_argument("--mem", type=mib, default=512, help="RAM for the rows (512M)")
    r.add_argument("--swap-mem", type=mib, default=160, help="RAM for swap_thrash (160M)")
    r.add_argument("--out", required=True)
    s = sub.add_parser("show")
    s.add_argument("file")
    c = sub.add_parser("compare")
    c.add_argument("ours")
    c.add_argument("linux")
    args = ap.parse_args()
    try:
        if args.cmd == "run":
            if args.runs < 1:
                ap.error("--runs must be at least 1")
            run(args)
        elif args.cmd == "show":
            print(bench_table.table(load(args.file)))
        else:
            print(bench_table.compare(load(args.ours), load(args.linux)))
    except (BenchError, bench_linux.LinuxError, subprocess.CalledProcessError) as e:
        print(f"bench: error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
