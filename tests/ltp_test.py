"""tests/ltp_test.py - `make test-ltp`: Linux's own test suite on our kernel.

LTP's syscall tests (the directories of tests/ltp/dirs.txt) are built from the
source snapshot in ../shared/ltp (../shared/LTP.md: never copied into this
repository) as static musl binaries, then run by tests/ltp/run.sh, one boot
each, on our kernel and on Debian's Linux in the same QEMU (the kernel
package `make bench-linux` uses): the same binaries, the same runner, the
same order. A test that passes on Linux (status 0, or 32: TCONF only) must
pass here too, unless tests/ltp/known.txt names it with the reason; a known
one that passes now is reported, to be taken off the list. Prints every
test's two statuses and ends with "N passed, N failed".

  python3 tests/ltp_test.py [--build build] [--only NAME...] [--skip-linux]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import bench_linux  # noqa: E402  (fetch: Debian's kernel)

# The snapshot: $LTP_SRC, else ../shared/ltp beside this tree, else the workspace's.
LTP_SRC = next((p for p in (os.environ.get("LTP_SRC", ""), os.path.join(os.path.dirname(ROOT), "shared", "ltp"),
                            "/work/shared/ltp") if p and os.path.isdir(p)), None)
MEM = "512M"
BOOT_TIMEOUT = 5400  # s: every test of the list in one boot, under TCG
PASSING = (0, 32)    # all TPASS, or TCONF only (not applicable here), as LTP counts it
STATUS = re.compile(r"^LTP (\S+) (\d+)\s*$", re.M)


def sh(cmd, cwd, log):
    """Run the shell command @cmd in @cwd, its output appended to @log; raise on failure."""
    with open(log, "a") as f:
        f.write(f"$ {cmd}\n")
        f.flush()
        subprocess.run(cmd, shell=True, cwd=cwd, stdout=f, stderr=subprocess.STDOUT, check=True)


def read_list(path):
    """The words of @path, '#' comments left out."""
    with open(path) as f:
        return " ".join(line.split("#")[0] for line in f).split()


def build_ltp(work, dirs):
    """Build LTP's library and the test directories @dirs out of a copy of the
    snapshot (once: a stamp records what was built); the source tree's path."""
    src = os.path.join(work, "src")
    stamp = os.path.join(work, "built")
    want = "\n".join(dirs) + "\n"
    if os.path.exists(stamp) and open(stamp).read() == want:
        return src
    log = os.path.join(work, "build.log")
    if not os.path.isdir(src):
        shutil.copytree(LTP_SRC, src, symlinks=True)
        kinc = os.path.join(src, "kinc")
        os.makedirs(kinc)
        for d in ("linux", "asm-generic"):  # musl-gcc leaves /usr/include out: the kernel's uapi headers
            os.symlink(f"/usr/include/{d}", os.path.join(kinc, d))
        os.symlink("/usr/include/x86_64-linux-gnu/asm", os.path.join(kinc, "asm"))
        sh("make autotools", src, log)
        sh(f'CC=musl-gcc CPPFLAGS="-isystem {kinc}" LDFLAGS=-static ./configure --without-numa '
           "--without-tirpc --without-modules", src, log)
        sh("make -j2 -C lib", src, log)
    for d in dirs:
        sh(f"make -j2 -C testcases/kernel/syscalls/{d}", src, log)
    with open(stamp, "w") as f:
        f.write(want)
    return src


def select(src, dirs, only):
    """[(name, command, args)] of runtest/syscalls whose binary the built
    directories hold (those of @only when given), and {command: binary path}."""
    binaries = {}
    for d in dirs:
        top = os.path.join(src, "testcases", "kernel", "syscalls", d)
        for dirpath, _, files in os.walk(top):
            for f in files:
                p = os.path.join(dirpath, f)
                if os.access(p, os.X_OK) and "." not in f:
                    binaries.setdefault(f, p)
    tests = []
    with open(os.path.join(src, "runtest", "syscalls")) as f:
        for line in f:
            words = line.split("#")[0].split()
            if len(words) >= 2 and words[1] in binaries and (not only or words[0] in only):
                tests.append((words[0], words[1], words[2:]))
    return tests, binaries


def stage(work, build, tests, binaries):
    """The tree both kernels boot: our initrd's (busybox included) plus /ltp:
    the binaries, the list and the runner."""
    tree = os.path.join(work, "tree")
    shutil.rmtree(tree, ignore_errors=True)
    shutil.copytree(os.path.join(build, "initrd"), tree, symlinks=True)
    ltp = os.path.join(tree, "ltp")
    os.makedirs(ltp)
    for _, cmd, _ in tests:
        shutil.copy2(binaries[cmd], os.path.join(ltp, cmd))
        subprocess.run(["strip", "--strip-all", os.path.join(ltp, cmd)], check=True)  # 800 KB -> ~100 KB
    with open(os.path.join(ltp, "list"), "w") as f:
        f.write("".join(f"{n} {c} {' '.join(a)}\n" for n, c, a in tests))
    shutil.copy2(os.path.join(ROOT, "tests", "ltp", "run.sh"), os.path.join(ltp, "run.sh"))
    return tree


def cpio(tree, out):
    """Pack @tree as a cpio newc archive @out."""
    files = subprocess.run(["find", ".", "-mindepth", "1"], cwd=tree, capture_output=True, text=True,
                           check=True).stdout
    listing = "".join(sorted(files.splitlines(keepends=True)))
    with open(out, "wb") as f:
        subprocess.run(["cpio", "--quiet", "-o", "-H", "newc"], cwd=tree, input=listing.encode(), stdout=f,
                       check=True)


def boot(img, extra, log):
    """Boot QEMU on @img with @extra options; the serial output (also in @log)."""
    env = dict(os.environ, MEM=MEM, SWAP="0", QEMUFLAGS="")
    t0 = time.time()
    with open(log, "w") as f:
        try:
            subprocess.run([os.path.join(ROOT, "scripts", "qemu.sh"), "test", img] + extra, env=env, stdout=f,
                           stderr=subprocess.STDOUT, timeout=BOOT_TIMEOUT)
        except subprocess.TimeoutExpired:
            f.write(f"\nltp_test: no end after {BOOT_TIMEOUT} s\n")
    print(f"ltp: {os.path.basename(log)}: {time.time() - t0:.0f} s", file=sys.stderr, flush=True)
    with open(log, errors="replace") as f:
        return f.read()


def run_ours(work, build, tree):
    """Our kernel, booting into the runner; the log."""
    cpio(tree, os.path.join(work, "ours.cpio"))
    cmdline = os.path.join(work, "ours.cmdline")
    with open(cmdline, "w") as f:
        f.write('console=ttyS0 init="/bin/busybox sh /ltp/run.sh"\n')
    img = os.path.join(work, "ours.img")
    subprocess.run([os.path.join(ROOT, "scripts", "mkesp.sh"), img, f"{build}/BOOTX64.EFI", f"{build}/kernel.elf",
                    os.path.join(work, "ours.cpio"), cmdline], check=True)
    return boot(img, [], os.path.join(work, "ours.log"))


def run_linux(work, build, tree):
    """Debian's Linux, the runner as /init (a console node, so it has stdout); the log."""
    vmlinuz, _, package = bench_linux.fetch(os.path.join(build, "bench", "linux", "debian"))
    ltree = os.path.join(work, "linux-tree")
    shutil.rmtree(ltree, ignore_errors=True)
    shutil.copytree(tree, ltree, symlinks=True)
    os.remove(os.path.join(ltree, "init"))
    with open(os.path.join(ltree, "init"), "w") as f:
        f.write("#!/bin/busybox sh\nexec /bin/busybox sh /ltp/run.sh\n")
    os.chmod(os.path.join(ltree, "init"), 0o755)
    os.makedirs(os.path.join(ltree, "dev"), exist_ok=True)
    subprocess.run(["mknod", os.path.join(ltree, "dev", "console"), "c", "5", "1"], check=True)
    cpio(ltree, os.path.join(work, "linux.cpio"))
    blank = os.path.join(work, "blank.img")
    with open(blank, "wb") as f:
        f.truncate(1024 * 1024)
    print(f"ltp: Linux is Debian's {package}", file=sys.stderr)
    return boot(blank, ["-kernel", vmlinuz, "-initrd", os.path.join(work, "linux.cpio"), "-append",
                        "console=ttyS0 quiet"], os.path.join(work, "linux.log"))


def statuses(log):
    """{test: status} from a runner's log."""
    return {name: int(st) for name, st in STATUS.findall(log)}


def known_failures():
    """{test: reason} of tests/ltp/known.txt ("NAME reason..." lines)."""
    known = {}
    with open(os.path.join(ROOT, "tests", "ltp", "known.txt")) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, why = line.partition(" ")
                known[name] = why.strip()
    return known


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("--skip-linux", action="store_true", help="our kernel only (no verdict)")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    work = os.path.join(build, "ltp")
    os.makedirs(work, exist_ok=True)
    if not LTP_SRC:
        print("FAIL ltp/source: no LTP snapshot ($LTP_SRC, ../shared/ltp, /work/shared/ltp)\n0 passed, 1 failed")
        return 1
    dirs = read_list(os.path.join(ROOT, "tests", "ltp", "dirs.txt"))
    src = build_ltp(work, dirs)
    tests, binaries = select(src, dirs, set(args.only))
    tree = stage(work, build, tests, binaries)
    ours_log = run_ours(work, build, tree)
    linux_log = "" if args.skip_linux else run_linux(work, build, tree)
    ours, linux = statuses(ours_log), statuses(linux_log)
    known = known_failures()
    passed = failed = both = 0
    for name, _, _ in tests:
        o, l = ours.get(name), linux.get(name)
        ok_o, ok_l = o in PASSING, l in PASSING
        both += ok_o and ok_l
        if args.skip_linux:
            verdict = "PASS" if ok_o else "----"
        elif ok_l and not ok_o and name not in known:
            verdict = "FAIL"
        elif ok_l and not ok_o:
            verdict = "KNOWN"
        elif ok_o and name in known:
            verdict = "FIXED"
        else:
            verdict = "PASS"
        ok = verdict != "FAIL"
        passed += ok
        failed += not ok
        why = f"  ({known[name]})" if verdict == "KNOWN" else ""
        print(f"{verdict:5} ltp/{name}: ours {o if o is not None else '-'}, linux "
              f"{l if l is not None else '-'}{why}", flush=True)
    n_ours = sum(ours.get(n) in PASSING for n, _, _ in tests)
    n_linux = sum(linux.get(n) in PASSING for n, _, _ in tests)
    print(f"ltp: {len(tests)} tests; pass on ours {n_ours}, on Linux {n_linux}, on both {both}")
    for who, log in (("ours", ours_log), ("linux", linux_log)):
        if (who == "ours" or not args.skip_linux) and "LTP done" not in log:
            print(f"FAIL ltp/{who}-boot: the runner did not finish (build/ltp/{who}.log)")
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
