"""tests/boot_tests.py - the QEMU boots `make test` runs (see run_tests.py).

Each boot declares what the harness needs to judge it:
  name, mem (QEMU RAM), timeout (s);
  swap             the virtio swap disk (/dev/vda), made fresh for the boot: None (no
                   disk), a size ("64M", formatted by mkswap), or (size, damage) where
                   damage(path) breaks or remakes the image (run_tests.make_swap);
  cmdline          the kernel command line written to the image's cmdline.txt;
  kernel           the ELF in build/ to boot instead of kernel.elf: "kernel-test.elf",
                   the kernel with the in-kernel self-tests (tests/kernel/), for `selftest`;
  exit             the isa-debug-exit code the kernel must leave with (omitted: not judged);
  until            stop the boot once the serial log matches this regex (for boots that idle);
  expect / forbid  regexes the serial log must match in order / must not match;
  same_count       pairs of regexes that must match the serial log as many times each;
  check            a function(serial log) -> list of problems, for what a regex cannot say;
  selftests        report each in-kernel self-test as a result of its own;
  damage           a function (build, tdir, img) that breaks the image before booting.
"""
import math
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def qemu_exit_code(name):
    """The isa-debug-exit code QEMU_EXIT_<name>, read from its one home, arch/x86_64/qemu_exit.h."""
    with open(os.path.join(ROOT, "arch", "x86_64", "qemu_exit.h")) as f:
        return int(re.search(rf"^#define QEMU_EXIT_{name}\s+(\d+)", f.read(), re.M).group(1))


PANIC = qemu_exit_code("PANIC")


def replace_kernel(transform):
    """A damage function: put transform(kernel.elf bytes) in place of \\kernel.elf."""
    def damage(build, tdir, img):
        with open(os.path.join(build, "kernel.elf"), "rb") as f:
            data = transform(f.read())
        bad = os.path.join(tdir, os.path.basename(img) + ".kernel.elf")
        with open(bad, "wb") as f:
            f.write(data)
        subprocess.run(["mcopy", "-o", "-i", img, bad, "::/kernel.elf"], check=True)
    return damage


def delete_file(name):
    """A damage function: remove \\name from the image."""
    def damage(build, tdir, img):
        subprocess.run(["mdel", "-i", img, "::/" + name], check=True)
    return damage


def boot_selftest(name, mem, timeout):
    """All self-tests, with a disk for the virtio-blk ones to overwrite (so not swap: swap=off)."""
    return dict(name=name, mem=mem, swap="16M", timeout=timeout, cmdline="selftest panic=-1 swap=off",
                kernel="kernel-test.elf", exit=0, selftests=True,
                expect=[r"loader: ImageBase 0x", r"kernel: x86-64 teaching kernel",
                        r"mm: kernel PML4 at phys 0x[0-9a-f]+ loaded into CR3",
                        r"^.*Mem: +\d+ +\d+ +\d+", r"\[vda\] 32768 512-byte logical blocks",
                        r"swap: disabled on the command line \(swap=off\)",
                        r"selftests: \d+ passed, 0 failed"],
                forbid=[r"Kernel panic", r"unexpected interrupt", r"unexpected IRQ", r"skipped"])


def crash(kind, *expect):
    """A deliberate crash (kernel/crash.c): @expect in order, then it must end in a panic."""
    return dict(name="crash_" + kind, mem="256M", swap=None, timeout=120,
                cmdline=f"crash={kind} panic=-1", exit=PANIC,
                expect=[rf"crash: triggering '{kind}'", *expect],
                forbid=[r"returned instead of crashing"])


def oops(kind, *expect):
    """A crash that is a CPU exception: the oops, its registers and trace, then the panic.
    (The crash_* fixtures are frameless leaves, so the trace goes from them to kernel_main:
    a frame-pointer unwinder cannot see the caller of a function that pushed no frame.)"""
    return crash(kind, *expect, r"RAX: [0-9a-f]{16}", r"R15: [0-9a-f]{16}", r"Call Trace:",
                 rf"\[<[0-9a-f]{{16}}>\] crash_{kind}\+0x",
                 r"\[<[0-9a-f]{16}>\] kernel_main\+0x",
                 r"Kernel panic - not syncing: Fatal exception")


def loader_error(name, damage=None, cmdline_bytes=None, *expect):
    t = dict(name=name, mem="256M", swap=None, timeout=120, cmdline="",
             until=r"loader: returning to firmware",
             expect=[r"loader: error: ", *expect, r"loader: returning to firmware"],
             forbid=[r"kernel: x86-64 teaching kernel"])
    if damage:
        t["damage"] = damage
    if cmdline_bytes is not None:
        t["cmdline_bytes"] = cmdline_bytes
    return t


TESTS = [
    boot_selftest("selftest_512M", "512M", 240),
    # Above 4 GiB: RAM splits around the PCI hole and OVMF may load everything high.
    boot_selftest("selftest_5G", "5G", 480),
    # One self-test by name; a name no test has fails instead of passing with nothing run.
    dict(name="selftest_one_by_name", mem="256M", swap=None, timeout=120, cmdline="selftest=cpu_control_registers panic=-1",
         kernel="kernel-test.elf", exit=0,
         expect=[r"selftest: cpu_control_registers \.\.\. ok", r"selftests: 1 passed, 0 failed"]),
    dict(name="selftest_unknown_name", mem="256M", swap=None, timeout=120, cmdline="selftest=nosuch panic=-1",
         kernel="kernel-test.elf", exit=qemu_exit_code("FAIL"),
         expect=[r"selftest: no self-test is named 'nosuch'", r"selftests: 0 passed, 1 failed"]),
    # The kernel `make run` boots has no self-tests: it says so and boots on.
    dict(name="selftest_not_built_in", mem="256M", swap=None, timeout=120,
         cmdline='selftest init="/bin/true" panic=-1', exit=0,
         expect=[r"selftest: the self-tests are not built into this kernel", r"reboot: power off"],
         forbid=[r"Kernel panic", r"selftest: \S+ \.\.\. ", r"selftests: \d+ passed"]),
    dict(name="boot_to_shell", mem="512M", swap=None, timeout=120, cmdline="",
         until=r"\$ $",
         expect=[r"loader: ImageBase", r"time: TSC \d+\.\d+ MHz", r"cpu: EFER.NXE CR0.WP CR4.PGE on",
                 r"Memory: \d+K RAM", r"Memory: kernel image \d+K \(text \d+K",
                 r"Memory: page tables \d+K, struct page array \d+K",
                 r"total +used +free", r"Mem: +\d+ +\d+ +\d+", r"buddy: free blocks per order",
                 r"kernel: boot complete, starting /init", r"\$ $"],
         forbid=[r"Kernel panic", r"unimplemented syscall"]),
    # init="PROG ARGS": /init runs it and QEMU leaves with its exit status.
    dict(name="init_exit_status", mem="256M", swap=None, timeout=120, cmdline='init="/bin/false"',
         exit=1, expect=[r"init: exited|reboot: power off"], forbid=[r"Kernel panic"]),
    # No disk: no swap, and nothing to complain about.
    dict(name="init_true", mem="256M", swap=None, timeout=120, cmdline='init="/bin/true"',
         exit=0, expect=[r"swap: no virtio disk, running without swap", r"reboot: power off"],
         forbid=[r"Kernel panic", r"virtio_blk", r"refusing"]),
    oops("ud2", r"!!! #UD invalid opcode \(vector 6\)", r"RIP: [0-9a-f]{16} crash_ud2\+0x"),
    oops("null", r"!!! #PF page fault \(vector 14\), error code 0x0 \[- R K\]",
         r"RIP: [0-9a-f]{16} crash_null\+0x", r"CR2: 0000000000000000"),
    oops("gp", r"!!! #GP general protection \(vector 13\)", r"RIP: [0-9a-f]{16} crash_gp\+0x"),
    oops("de", r"!!! #DE divide error \(vector 0\)", r"RIP: [0-9a-f]{16} crash_de\+0x"),
    # The stack overflows into its unmapped guard page; the #PF cannot be delivered
    # on that stack, so the CPU raises #DF, which runs on its own IST stack.
    crash("stack", r"!!! #DF double fault \(vector 8\)", r"RSP: ffffffff8[0-9a-f]{7}",
          r"crash_stack_recurse", r"repeated \d+ more times", r"\] crash_stack\+0x",
          r"\] kernel_main\+0x", r"Kernel panic - not syncing: Fatal exception: #DF"),
    crash("bug", r"Kernel panic - not syncing: BUG_ON\(broken\) at kernel/crash\.c:\d+",
          r"Call Trace:", r"\] crash_bug\+0x", r"\] crash\+0x", r"\] kernel_main\+0x"),
    loader_error("loader_kernel_bad_magic", replace_kernel(lambda d: b"\x7fELG" + d[4:]), None,
                 r"kernel\.elf"),
    loader_error("loader_kernel_truncated", replace_kernel(lambda d: d[:200]), None, r"kernel\.elf"),
    loader_error("loader_kernel_not_x86_64",
                 replace_kernel(lambda d: d[:18] + (183).to_bytes(2, "little") + d[20:]), None,
                 r"kernel\.elf"),
    loader_error("loader_kernel_missing", delete_file("kernel.elf"), None, r"kernel\.elf"),
    loader_error("loader_initrd_missing", delete_file("initrd.cpio"), None, r"initrd\.cpio"),
    loader_error("loader_cmdline_missing", delete_file("cmdline.txt"), None, r"cmdline\.txt"),
    loader_error("loader_cmdline_binary", None, b"console=ttyS0 \x00\x01garbage\n", r"cmdline\.txt"),
]


def put_bytes(offset, data):
    """A swap damage function: overwrite the image at @offset with @data."""
    def damage(path):
        with open(path, "r+b") as f:
            f.seek(offset)
            f.write(data)
    return damage


def remake_swap(*mkswap_options):
    """A swap damage function: make the image again with other mkswap options."""
    def damage(path):
        size = str(os.path.getsize(path))
        subprocess.run([os.path.join(ROOT, "scripts", "mkswapimg.sh"), size, path, *mkswap_options],
                       check=True)
    return damage


def swap_boot(name, swap, vda, *expect, forbid=()):
    """Boot to /bin/true with the swap disk @swap, found as @vda; then @expect in the log."""
    return dict(name=name, mem="256M", swap=swap, timeout=120, cmdline='init="/bin/true" panic=-1',
                exit=0, expect=[r"pci 0000:00:[0-9a-f]{2}\.0: \[1af4:1042\] type 00 class 0x010000",
                                r"virtio_pci 0000:00:[0-9a-f]{2}\.0: features offered 0x[0-9a-f]+, "
                                r"accepted 0x100000000",
                                r"virtio_blk 0000:00:[0-9a-f]{2}\.0: \[vda\] " + vda, *expect,
                                r"reboot: power off"],
                forbid=[r"Kernel panic", r"unexpected IRQ", *forbid])


SWAP_16M = r"32768 512-byte logical blocks \(16 MB/16 MiB\), IRQ \d+"


TESTS += [
    # 64 MiB made by mkswap: 16384 pages, the first the header.
    swap_boot("swap_mkswap", "64M", r"131072 512-byte logical blocks \(67 MB/64 MiB\)",
              r"Adding 65532k swap on /dev/vda\.  Priority:-2 extents:1 across:65532k",
              forbid=[r"refusing", r"running without swap"]),
    swap_boot("swap_bad_signature", ("16M", put_bytes(4096 - 10, b"NOTASWAP!!")), SWAP_16M,
              r"swap: /dev/vda: invalid swap header, refusing: no swap signature \"SWAPSPACE2\" at offset 4086",
              r"swap: running without swap", forbid=[r"Adding \d+k swap"]),
    swap_boot("swap_page_size_16k", ("16M", remake_swap("-p", "16384")), SWAP_16M,
              r"swap: /dev/vda: invalid swap header, refusing: made for 16384-byte pages \(signature at "
              r"offset 16374\), this kernel uses 4096-byte pages",
              r"swap: running without swap", forbid=[r"Adding \d+k swap"]),
]


TESTS += [
    # /proc/swaps with the area on (tests/user/proc_stat.c checks the file without one):
    # Linux's swap_show line, the size the 16383 slots that can hold pages, none used yet.
    dict(name="swap_proc_swaps", mem="256M", swap="64M", timeout=120,
         cmdline='init="/bin/cat /proc/swaps" panic=-1', exit=0,
         expect=[r"Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority",
                 r"/dev/vda {32}partition\t65532\t\t0\t\t-2"],
         forbid=[r"Kernel panic"]),
]


def user_boot(name, init, exit, *expect):
    """A boot straight into a user program: init="INIT" makes /init (user/init.c)
    run it and power off with its status, which becomes QEMU's exit code."""
    return dict(name=name, mem="256M", swap=None, timeout=120, cmdline=f'init="{init}" panic=-1',
                exit=exit, expect=list(expect), forbid=[r"Kernel panic"])


# 60 arguments of 64 bytes: a command line of ~4 KiB, near the loader's 4095 bytes.
LONG_ARGS = " ".join(f"w{i:02d}" + "x" * 61 for i in range(60))

TESTS += [
    user_boot("user_hello", "/bin/hello", 0, r"^Hello, world!"),
    user_boot("user_exit_status", "/bin/false", 1),
    # 128 + SIGKILL, of which QEMU's exit status keeps 7 bits: (137 << 1 | 1) & 0xff = 19 -> 9.
    user_boot("user_killed_status", "/tests/die 9", (128 + 9) & 0x7f,
              r"reboot: power off by pid 1 \(init\), exit status 137"),
    user_boot("user_missing_program", "/bin/no_such_program", 127,
              r"init: cannot run /bin/no_such_program: No such file or directory"),
    user_boot("user_not_elf", "/tests/not_elf.txt", 127,
              r"init: cannot run /tests/not_elf\.txt: Exec format error"),
    user_boot("user_args_4k", "/bin/echo " + LONG_ARGS, 0, r"^w00x{61} w01x{61} .* w59x{61}\r?$"),
    # init= takes 64 words (/tests/argv and w01..w63): the rest is dropped with a line saying
    # so, and the last one kept ends where it should (before, it ran on to the line's end).
    user_boot("user_init_words_64", "/tests/argv " + " ".join(f"w{i:02d}" for i in range(1, 71)), 64,
              r"kernel: init= has more than 64 words, dropped: w64 w65 w66 w67 w68 w69 w70\r?$",
              r"^argc = 64\r?$", r'^argv\[63\] = "w63"\r?$', r"^argv\[argc\] is NULL: yes"),
    # Each benchmark program runs (tiny sizes; no time is judged: docs/bench.md),
    # and every frame they took is free again afterwards (tests/user/leakrun.c).
    user_boot("bench_smoke", "/tests/leakrun /bench/run --quick", 0,
              *[rf"^BENCH name={row} ops=\d+ ns_per_op=[\d.]+ minflt=\d+ majflt=\d+" for row in
                ("boot", "calib_stosq_4k", "getpid", "anon_fault", "read_fault_zero", "cow_fork", "cow_fault",
                 "cow_reuse", "brk_grow", "brk_shrink", "mmap_churn", "mmap_1k", "mmap_10k", "mmap_60k",
                 "fork_exit", "exec")],
              r"^bench: done, 0 failed", r"leak check: .*: ok"),
    # No init=: a welcome and the shell's prompt (stdin stays silent, so it then waits).
    dict(name="user_shell_prompt", mem="256M", swap=None, timeout=120, cmdline="panic=-1",
         until=r"\$ ", expect=[r"Welcome! This is /bin/sh", r"\$ "], forbid=[r"Kernel panic"]),
]


def reclaim_boot(name, mem, swap, init, timeout, *expect, forbid=(), same_count=()):
    """A boot into a memory-pressure program with @mem of RAM and the swap disk @swap."""
    return dict(name=name, mem=mem, swap=swap, timeout=timeout, cmdline=f'init="{init}" panic=-1',
                exit=0, expect=list(expect), forbid=[r"Kernel panic", r"LEAK", *forbid],
                same_count=list(same_count))


def vmstat_line(majfault, pswpin, pswpout, scan_kswapd, steal_kswapd):
    """The kernel's power-off counters line (mm/vmstat.c), each field a regex."""
    return (rf"vmstat: pgfault \d+ pgmajfault {majfault} pswpin {pswpin} pswpout {pswpout} "
            rf"pgscan_kswapd {scan_kswapd} pgscan_direct \d+ pgsteal_kswapd {steal_kswapd} pgsteal_direct \d+")


SOME = r"[1-9]\d*"
SWAPPED = vmstat_line(SOME, SOME, SOME, SOME, SOME)

TESTS += [
    # Working sets of twice the RAM (64 MiB, ~54 MiB of it for user pages): every byte checked,
    # free RAM and swap back where they were, and the counters show swapping and kswapd at work.
    # Its passes are sequential: swap readahead reads pages that the next faults then find.
    reclaim_boot("swap_integrity_single", "64M", "256M", "/tests/swapstress single 128", 400,
                 rf"swapstress single 128 MiB: 0 bad pages, {SOME} major faults", r"leak check: .*: ok",
                 rf"vmstat swap_ra_hit {SOME}", SWAPPED),
    reclaim_boot("swap_integrity_four", "64M", "256M", "/tests/swapstress multi 128", 400,
                 rf"swapstress multi 128 MiB: 0 bad pages, {SOME} major faults", r"leak check: .*: ok",
                 SWAPPED),
    reclaim_boot("swap_integrity_cow", "64M", "256M", "/tests/swapstress fork 96", 400,
                 rf"swapstress fork 96 MiB: 0 bad pages, {SOME} major faults", r"leak check: .*: ok",
                 SWAPPED),
    # A working set that fits: no swapping, no reclaim at all.
    reclaim_boot("swap_unused_when_it_fits", "256M", "64M", "/tests/swapstress single 32", 120,
                 r"swapstress single 32 MiB: 0 bad pages, 0 major faults", r"leak check: .*: ok",
                 vmstat_line(0, 0, 0, 0, 0)),
    # The OOM killer: the hog dies, the small process and the parent live; with swap only
    # once swap is full.
    reclaim_boot("oom_no_swap", "64M", None, "/tests/oomtest plain", 120,
                 r"hog invoked oom-killer", r"\[  pid  \]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name",
                 r"Out of memory: Killed process \d+ \(hog\) total-vm:\d+kB, anon-rss:\d+kB, swap:0kB, oom_score_adj:0",
                 r"the small process finished with its data intact: yes", r"leak check: .*: ok", r"oomtest: the parent is alive, 0 failure"),
    reclaim_boot("oom_when_swap_is_full", "64M", "32M", "/tests/oomtest plain", 180,
                 r"invoked oom-killer: free \d+ pages, swap free 0 of \d+ slots",
                 rf"Out of memory: Killed process \d+ \(hog\) total-vm:\d+kB, anon-rss:\d+kB, swap:{SOME}kB",
                 r"the small process finished with its data intact: yes", r"leak check: .*: ok", r"oomtest: the parent is alive, 0 failure"),
    # The demo of user/README.md runs to its end with the data intact, and gives
    # back every frame and swap slot (tests/user/leakrun.c).
    reclaim_boot("demo_swap", "64M", "128M", "/tests/leakrun /bin/demo_swap 96 1", 300,
                 r"demo_swap: 96 MiB of memory", r"read pass 1", r"demo_swap: 0 pages read back wrong",
                 r"leak check: .*: ok"),
    # oom_score_adj -1000 protects the hog: the 16 MiB process is chosen instead, and its
    # private memory is reaped at once, before it runs again (mm/oom_reaper.c); what stays
    # is the page it shares with its parent.
    reclaim_boot("oom_score_adj_protects", "64M", None, "/tests/oomtest adj 40", 120,
                 r"Out of memory: Killed process \d+ \(oomtest\)",
                 r"oom_reaper: reaped process \d+ \(oomtest\), now rss:4kB, swap:0kB",
                 r"the protected hog got all its memory: yes", r"leak check: .*: ok", r"oomtest: the parent is alive, 0 failure",
                 forbid=[r"Killed process \d+ \(hog\)"]),
    # Exhaustion without a storm (mm/oom.c, kernel/fork.c): a crowd of hogs is killed one
    # at a time with one task dump per kill (a fault while a victim is dying waits for it,
    # silently); a fork bomb and a zombie storm get EAGAIN at threads-max, no OOM at all.
    reclaim_boot("oom_crowd", "64M", None, "/tests/oomtest crowd 60", 240,
                 r"Out of memory: Killed process \d+ \(hog\)", r"crowd: 60 of 60 hogs killed by SIGKILL",
                 r"leak check: .*: ok", r"oomtest: the parent is alive, 0 failure",
                 same_count=[(r"Tasks state \(memory values in pages\)", r"Out of memory: Killed process")]),
    # /proc cannot be used to pin kernel memory (kernel/fs/seq_file.c): 59 open maps of 20,000
    # VMAs hold a page each (the old kernel: 60 MB, and the OOM killer took the bystander);
    # what they hold counts in the pinner's badness; the pinner is the one killed.
    reclaim_boot("procpin_oom", "128M", None, "/tests/procpin", 180,
                 r"pinner: \d+ open maps files, a byte read of each: \d+ kB of kernel memory",
                 r"pinner: they hold less than 1 MiB of kernel memory: yes",
                 r"pinner: its oom_score counts them \(it rose\): yes",
                 r"Out of memory: Killed process \d+ \(procpin\)",
                 r"the pinner was killed by SIGKILL \(the OOM killer\): yes",
                 r"the bystander finished with its data intact: yes", r"leak check: .*: ok",
                 r"procpin: 0 failure\(s\)"),
    reclaim_boot("forkbomb_tree", "64M", None, "/tests/leakrun /tests/forkbomb tree", 180,
                 r"forkbomb tree: \d+ forks, then failures: EAGAIN [1-9]\d*, ENOMEM 0, other 0",
                 r"the system answers: a new process runs: yes", r"leak check: .*: ok",
                 forbid=[r"invoked oom-killer"]),
    reclaim_boot("forkbomb_zombies", "64M", None, "/tests/leakrun /tests/forkbomb zombies", 180,
                 r"forkbomb zombies: \d+ forks, then failures: EAGAIN [1-9]\d*, ENOMEM 0, other 0",
                 r"the system answers: a new process runs: yes", r"leak check: .*: ok",
                 forbid=[r"invoked oom-killer"]),
]


def fuzz_boot(name, mem, swap, seed, rounds, calls, timeout):
    """tests/user/sysfuzz.c: @rounds children of @calls random system calls each, with a
    leak check after every round; no panic, no oops, nothing leaked."""
    return dict(name=name, mem=mem, swap=swap, timeout=timeout,
                cmdline=f'init="/tests/sysfuzz {seed} {rounds} {calls}" panic=-1', exit=0,
                expect=[rf"sysfuzz: seed {seed}: {rounds} rounds, [1-9]\d* calls .*; 0 rounds leaked"],
                forbid=[r"Kernel panic", r"!!! ", r"LEAK", r"BUG", r"unexpected (interrupt|IRQ)"])


# A short fuzz in make test: two seeds, one with little RAM (reclaim and OOM under the calls).
TESTS += [
    fuzz_boot("sysfuzz_256M", "256M", "64M", 1, 20, 2000, 300),
    fuzz_boot("sysfuzz_64M", "64M", "64M", 2, 20, 2000, 300),
]

# The long run: make test-long (the CI step after make test), seeds 10-21 at three sizes.
LONG_TESTS = [fuzz_boot(f"sysfuzz_long_{seed}_{mem}", mem, "128M", seed, 100, 5000, 1200)
              for seed, mem in zip(range(10, 22), ["64M", "256M", "1G"] * 4)]


def watermarks_by_formula(log):
    """The watermarks the kernel logs, against Linux's formulas computed here from the RAM
    the same boot says the buddy allocator manages (calculate_min_free_kbytes,
    __setup_per_zone_wmarks with watermark_scale_factor 10)."""
    m = re.search(r"Memory: \d+K RAM, (\d+)K managed by the buddy allocator", log)
    if not m:
        return ["no 'managed by the buddy allocator' line"]
    managed_kb = int(m.group(1))
    pages = managed_kb // 4
    min_free = min(max(math.isqrt(managed_kb * 16), 128), 262144)
    wmin = min_free // 4
    gap = max(pages * 10 // 10000, wmin // 4)
    want = f"vmscan: min_free_kbytes {min_free}, watermarks min {wmin} low {wmin + gap} high {wmin + 2 * gap} pages"
    return [] if want in log else [f"missing: {want!r}"]


# min_free_kbytes and the watermarks as Linux computes them, at three sizes (the watermarks lab).
TESTS += [dict(name=f"watermarks_{mem}", mem=mem, swap=None, timeout=120, cmdline='init="/bin/true" panic=-1',
               exit=0, expect=[r"vmscan: min_free_kbytes \d+", r"reboot: power off"], check=watermarks_by_formula)
          for mem in ("64M", "512M", "3G")]
