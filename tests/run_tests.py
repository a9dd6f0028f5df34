#!/usr/bin/env python3
"""tests/run_tests.py - the runner behind `make test`.

Runs five kinds of tests and ends with the line "N passed, N failed":
  docs   every file, function, gdb command, make target, tool and /proc file
         that docs/*.md and docs/tour/*.md name exists (tests/docs_test.py, no QEMU);
  host   the cmocka unit tests in build/host/ (ASan/UBSan), one result per case;
  boot   the real kernel in QEMU (OVMF, TCG) from a copy of the real ESP image,
         each boot declared in boot_tests.py with its RAM, swap and timeout (one
         that leaves one out fails without booting); a boot that runs the
         in-kernel self-tests boots build/kernel-test.elf, the kernel that has
         them, and reports each self-test as a result;
  gdb    real gdb attached to real QEMU (tests/gdb_test.py);
  user   the user programs of tests/user/ on Linux and in QEMU, compared, and in QEMU
         as many free frames after each as before (tests/user_tests.py);
  transcript  every transcript block of docs/tour/*.md and docs/*.md replayed on
         its own boot and compared with what the block shows, one result per block
         (transcript/CHAPTER#N; docs/tour/verify_transcripts.py says what must match,
         and its --refresh rewrites stale blocks).
A hung boot is a failed test (timeout), never a hung `make test`.
"""
import argparse
import concurrent.futures as futures
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import boot_tests  # noqa: E402  (the table of QEMU boots)
import docs_test  # noqa: E402
import plot_test  # noqa: E402
import gdb_test  # noqa: E402
import user_tests  # noqa: E402
sys.path.insert(0, os.path.join(ROOT, "docs", "tour"))
import verify_transcripts  # noqa: E402  (the docs' transcripts)


class Results:
    def __init__(self):
        self.rows = []

    def add(self, suite, name, ok, detail=""):
        self.rows.append((suite, name, ok, detail))
        line = f"{'PASS' if ok else 'FAIL'} {suite}/{name}"
        if detail and not ok:
            line += f": {detail}"
        print(line, flush=True)


def run_host_tests(build, results):
    """Each cmocka case is one result; a binary that dies without a verdict is a failure."""
    host_dir = os.path.join(build, "host")
    names = os.listdir(host_dir) if os.path.isdir(host_dir) else []
    bins = sorted(f for f in names if f.startswith("test_") and "." not in f)
    if not bins:
        results.add("host", "binaries", False, f"no test binaries in {host_dir}")
    for b in bins:
        path = os.path.join(host_dir, b)
        try:
            p = subprocess.run([path], capture_output=True, text=True, timeout=300)
            out = p.stdout + p.stderr
        except subprocess.TimeoutExpired:
            results.add("host", b, False, "timeout")
            continue
        # cmocka prints "[       OK ] case" / "[  FAILED  ] case" (a failed case twice), and
        # "[  ERROR   ] case" when its setup or teardown failed (a teardown's leak check).
        verdicts = {}
        for m in re.finditer(r"^\[ +(OK|FAILED|ERROR) +\] (\w+)$", out, re.M):
            verdicts[m.group(2)] = verdicts.get(m.group(2), True) and m.group(1) == "OK"
        for case, ok in verdicts.items():
            results.add("host", f"{b}.{case}", ok, "output:\n" + out[-3000:])
        if p.returncode != 0 and all(verdicts.values()):
            results.add("host", b, False, f"exit {p.returncode}\n{out[-3000:]}")
        if not verdicts:
            results.add("host", b, False, "no test case ran")


def decode_exit(status):
    """isa-debug-exit makes QEMU exit with (code << 1) | 1; anything else is not a kernel verdict."""
    return status >> 1 if status & 1 else None


def make_image(build, test):
    """A private copy of the ESP image with this test's kernel and cmdline.txt (and optional damage)."""
    tdir = os.path.join(build, "test")
    os.makedirs(tdir, exist_ok=True)
    img = os.path.join(tdir, test["name"] + ".img")
    shutil.copyfile(os.path.join(build, "esp.img"), img)
    if "kernel" in test:
        subprocess.run(["mcopy", "-o", "-i", img, os.path.join(build, test["kernel"]), "::/kernel.elf"], check=True)
    cmd = os.path.join(tdir, test["name"] + ".cmdline")
    with open(cmd, "wb") as f:
        f.write(test.get("cmdline_bytes") or (test.get("cmdline", "") + "\n").encode())
    subprocess.run(["mcopy", "-o", "-i", img, cmd, "::/cmdline.txt"], check=True)
    if "damage" in test:
        test["damage"](build, tdir, img)
    return img


def make_swap(build, test):
    """The swap disk a boot declares, made fresh: its path, or None for no disk.
    swap is None, a size ("64M": an image of that size made by mkswap), or
    (size, damage) where damage(path) then changes the image (or remakes it)."""
    swap = test.get("swap")
    if swap is None:
        return None
    size, damage = (swap, None) if isinstance(swap, str) else swap
    path = os.path.join(build, "test", test["name"] + ".swap.img")
    subprocess.run([os.path.join(ROOT, "scripts", "mkswapimg.sh"), size, path], check=True)
    if damage:
        damage(path)
    return path


def qemu_cmd(img, mem, extra=(), swap=None):
    """scripts/qemu.sh for a test boot; SWAP is set here so that a boot has exactly
    the disk it declares, whatever the caller's environment holds."""
    return ["env", f"SWAP={swap or 0}", os.path.join(ROOT, "scripts", "qemu.sh"), "test", img, *extra]


def run_boot(build, test):
    """Boot once; returns (log, exit code or None, timed out?)."""
    img = make_image(build, test)
    swap = make_swap(build, test)
    env = dict(os.environ, MEM=test["mem"], QEMUFLAGS="")
    log_path = os.path.join(build, "test", test["name"] + ".log")
    until = test.get("until")
    start = time.monotonic()
    with open(log_path, "w+b") as log:
        p = subprocess.Popen(qemu_cmd(img, test["mem"], swap=swap), stdout=log, stderr=subprocess.STDOUT, env=env)
        timed_out = False
        while p.poll() is None:
            if time.monotonic() - start > test["timeout"]:
                timed_out = True
                break
            if until:
                log.seek(0)
                if re.search(until, log.read().decode(errors="replace")):
                    break
            time.sleep(0.2)
        if p.poll() is None:
            p.kill()
            p.wait()
        log.seek(0)
        text = log.read().decode(errors="replace")
    return text, (decode_exit(p.returncode) if not until else None), timed_out and not (until and re.search(until, text))


def check_boot(build, test, results):
    name = test["name"]
    undeclared = [k for k in ("mem", "swap", "timeout") if k not in test]
    if undeclared:
        results.add("boot", name, False, f"the boot does not declare its {', '.join(undeclared)} (boot_tests.py)")
        return
    text, code, timed_out = run_boot(build, test)
    problems = []
    if timed_out:
        problems.append(f"timeout after {test['timeout']}s")
    if "exit" in test and code != test["exit"]:
        problems.append(f"exit code {code}, expected {test['exit']}")
    pos = 0
    for pat in test.get("expect", []):
        m = re.compile(pat, re.M).search(text, pos)
        if not m:
            problems.append(f"missing (in order): {pat!r}")
            break
        pos = m.end()
    for pat in test.get("forbid", []):
        if re.search(pat, text, re.M):
            problems.append(f"forbidden output: {pat!r}")
    if "check" in test:
        problems += test["check"](text)
    for a, b in test.get("same_count", []):
        na, nb = len(re.findall(a, text, re.M)), len(re.findall(b, text, re.M))
        if na != nb:
            problems.append(f"{na} lines match {a!r} but {nb} match {b!r}")
    if test.get("selftests"):
        found = re.findall(r"selftest: (\S+) \.\.\. (ok|FAIL)", text)
        for st, verdict in found:
            results.add("selftest", f"{name}.{st}", verdict == "ok", "see " + os.path.join("build/test", name + ".log"))
        if not found:
            problems.append("no self-test ran")
    if problems:
        tail = "\n".join(text.splitlines()[-40:])
        results.add("boot", name, False, "; ".join(problems) + "\n--- last lines of the serial log ---\n" + tail)
    else:
        results.add("boot", name, True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--only", help="regex of test names to run")
    ap.add_argument("--list", action="store_true", help="list the QEMU tests' names (boot, transcript) and exit")
    ap.add_argument("--long", action="store_true",
                    help="run only the slow boots of boot_tests.LONG_TESTS (make test-long)")
    args = ap.parse_args()
    if args.list:
        for t in boot_tests.LONG_TESTS if args.long else boot_tests.TESTS:
            print("boot/" + t["name"])
        for b in [] if args.long else verify_transcripts.select():
            print("transcript/" + b.name)
        return
    build = os.path.abspath(args.build)
    results = Results()
    started = time.monotonic()
    if args.long:
        tests = [t for t in boot_tests.LONG_TESTS if not args.only or re.search(args.only, t["name"])]
        with futures.ThreadPoolExecutor(max_workers=2) as pool:
            for j in [pool.submit(check_boot, build, t, results) for t in tests]:
                j.result()
        finish(results, started)

    if not args.only or re.search(args.only, "docs"):
        docs_test.run(build, results)
    if not args.only or re.search(args.only, "host"):
        run_host_tests(build, results)

    tests = [t for t in boot_tests.TESTS if not args.only or re.search(args.only, t["name"])]
    # Two QEMUs at a time: the machines have 2 cores and TCG is single-threaded per guest.
    with futures.ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [pool.submit(check_boot, build, t, results) for t in tests]
        if not args.only or re.search(args.only, "gdb"):
            jobs.append(pool.submit(gdb_test.run, build, results))
            jobs.append(pool.submit(gdb_test.run_page_fault, build, results))
        if not args.only or re.search(args.only, "user"):
            jobs.append(pool.submit(user_tests.run, build, results))
        if not args.only or re.search(args.only, "plot"):
            jobs.append(pool.submit(plot_test.run, build, results))
        jobs += verify_transcripts.submit(pool, build, results, args.only)
        for j in jobs:
            j.result()

    finish(results, started)


def finish(results, started):
    """Print the time and the totals line CI reads; exit 1 on a failure."""
    passed = sum(1 for r in results.rows if r[2])
    failed = len(results.rows) - passed
    print(f"make test: {time.monotonic() - started:.0f}s")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
