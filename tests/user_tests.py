"""tests/user_tests.py - differential tests of user space (part of `make test`).

The programs of tests/user/ are static musl binaries, so the very same files
run on Linux and on our kernel. Each test runs twice:
  1. on this Linux host, from the staged initrd tree (build/initrd/tests/NAME,
     in build/initrd, with init's environment), stdin from /dev/null;
  2. in QEMU, all tests in one boot: init="/tests/runner NAME..." frames each
     test's output with "=== BEGIN NAME" and "=== END NAME status N".
A test passes when its status and its output (stdout and stderr together,
kernel log lines and CRs removed) are the same on both, and no check of it
(tests/user/test.h, "WHAT: no") fails on Linux: a check that fails on both
would otherwise pass unseen. In QEMU the runner
also reports the free pages before each test and after it (and its orphans)
were reaped, "=== FREE NAME BEFORE AFTER": each test is also a result
leak/NAME, which passes when AFTER == BEFORE (Linux's free memory drifts,
so there it is not checked). Each test's C file
says what it is in a line "user-test: KIND":
  diff    run on both and compared;
  qemu    makes sense on our kernel only: run in QEMU, must exit 0;
  helper  run by other tests, not a test itself.

Alone: python3 tests/user_tests.py [--build build] [--host]
  --host  run the runner on Linux in place of QEMU: checks the harness and the
          tests' determinism without a kernel.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import run_tests  # noqa: E402  (make_image, run_boot, Results)

SOURCES = os.path.join(ROOT, "tests", "user")
ENV = {"HOME": "/", "PATH": "/bin", "TERM": "dumb"}  # what the kernel gives init (kernel/main.c)
BOOT = dict(name="user", mem="256M", swap=None, timeout=300)
HOST_TIMEOUT = 60
# A kernel log line: "[    1.234567] text\n", possibly after a user line's start.
KERNEL_LOG = re.compile(r"\[ *\d+\.\d{6}\] [^\n]*\n?")
FRAME = re.compile(r"^=== BEGIN (\S+)\n(.*?)=== END \1 status (\d+)\n", re.S | re.M)
FREE = re.compile(r"^=== FREE (\S+) (\d+) (\d+)$", re.M)
CHECK_NO = re.compile(r"^.*: no$", re.M)  # a check() that failed (tests/user/test.h)


def test_kinds():
    """{name: kind} from the "user-test: KIND" line of each tests/user/NAME.c (None: no line)."""
    kinds = {}
    for f in sorted(os.listdir(SOURCES)):
        if f.endswith(".c"):
            with open(os.path.join(SOURCES, f)) as src:
                m = re.search(r"user-test: *(\w+)", src.read())
            kinds[f[:-2]] = m.group(1) if m else None
    return kinds


def shell_status(returncode):
    """subprocess's returncode as the runner reports it: killed by SIG (-SIG) is 128 + SIG."""
    return 128 - returncode if returncode < 0 else returncode


def run_host(build, argv):
    """(status, output) of the staged program argv[0] (a path in the tree) run on Linux, or (None, why)."""
    tree = os.path.join(build, "initrd")
    argv = [os.path.join(tree, argv[0].lstrip("/"))] + argv[1:]
    try:
        p = subprocess.run(argv, cwd=tree, env=ENV, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=HOST_TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, f"(timed out after {HOST_TIMEOUT}s on Linux)"
    return shell_status(p.returncode), p.stdout.decode(errors="replace")


def user_text(text):
    """@text without kernel log lines and CRs."""
    return KERNEL_LOG.sub("", text.replace("\r\n", "\n"))


def frames(text):
    """{name: (status, output)} from the runner's framed output."""
    return {m.group(1): (int(m.group(3)), m.group(2)) for m in FRAME.finditer(user_text(text))}


def free_pages(text):
    """{name: (free pages before, after)} from the runner's "=== FREE" lines."""
    return {m.group(1): (int(m.group(2)), int(m.group(3))) for m in FREE.finditer(user_text(text))}


def check_leaks(names, log, results):
    """A result leak/NAME per test that ran: as many free pages after it as before (and some)."""
    free = free_pages(log)
    for n in names:
        if n not in free:
            results.add("user", f"leak/{n}", False, f"no '=== FREE {n}' line from the runner")
            continue
        before, after = free[n]
        results.add("user", f"leak/{n}", after == before > 0,
                    f"free pages: {before} before, {after} after ({before - after} fewer)")


def run_runner(build, names, on_host):
    """Run the runner over @names in QEMU (or on Linux): ({name: (status, output)}, problem or None, log)."""
    runner = ["/tests/runner", *names]
    if on_host:
        status, text = run_host(build, runner)
        return frames(text), None if status == 0 else f"runner status {status}", text
    boot = dict(BOOT, cmdline=f'init="{" ".join(runner)}" panic=-1')
    text, code, timed_out = run_tests.run_boot(build, boot)
    problem = (f"timeout after {boot['timeout']}s" if timed_out else
               None if code == 0 else f"QEMU exit code {code}, expected 0 (init: the runner's status)")
    return frames(text), problem, text


def compare(name, linux, ours):
    """None if the (status, output) pairs match and no check failed on Linux, else what is wrong."""
    if linux == ours:
        failed = CHECK_NO.findall(linux[1])
        return "checks that fail on Linux too:\n" + "\n".join(failed) if failed else None
    diff = "".join(difflib.unified_diff(linux[1].splitlines(True), ours[1].splitlines(True),
                                        "Linux", "our kernel"))
    return f"status {ours[0]} here, {linux[0]} on Linux\n{diff or '(same output)'}"


def run(build, results, on_host=False):
    kinds = test_kinds()
    unknown = sorted(n for n, k in kinds.items() if k not in ("diff", "qemu", "helper"))
    for n in unknown:
        results.add("user", n, False, f"tests/user/{n}.c has no 'user-test: diff|qemu|helper' line")
    diff = [n for n, k in kinds.items() if k == "diff"]
    qemu_only = [] if on_host else [n for n, k in kinds.items() if k == "qemu"]
    linux = {n: run_host(build, ["/tests/" + n]) for n in diff}
    got, problem, log = run_runner(build, diff + qemu_only, on_host)
    where = "the runner on Linux" if on_host else "QEMU (build/test/user.log)"
    tail = "\n--- last lines ---\n" + "\n".join(log.splitlines()[-30:])
    results.add("user", "boot", problem is None, f"{where}: {problem}{tail}")
    for n in diff + qemu_only:
        if n not in got:
            results.add("user", n, False, f"no '=== END {n}' from {where}{tail}")
        elif n in qemu_only:
            results.add("user", n, got[n][0] == 0, f"status {got[n][0]}, expected 0\n{got[n][1]}")
        else:
            why = compare(n, linux[n], got[n])
            results.add("user", n, why is None, why or "")
    if not on_host:
        check_leaks([n for n in diff + qemu_only if n in got], log, results)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--host", action="store_true", help="run the runner on Linux instead of QEMU")
    args = ap.parse_args()
    results = run_tests.Results()
    run(os.path.abspath(args.build), results, args.host)
    failed = sum(1 for r in results.rows if not r[2])
    print(f"{len(results.rows) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
