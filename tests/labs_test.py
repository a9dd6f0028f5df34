#!/usr/bin/env python3
"""tests/labs_test.py - proves the course kit (make test-labs; docs/labs/README.md):
this tree, the instructor's solution, scores full marks on every lab; for each
lab, the student tree that `make lab` writes builds, boots to the shell, and
scores 0 on its lab (each check fails on the stub). One PASS/FAIL line per
fact, then "N passed, N failed" (exit 1 on a failure)."""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lab  # noqa: E402
import lab_checks  # noqa: E402


class Results:
    def __init__(self):
        self.passed = self.failed = 0

    def add(self, name, ok, detail=""):
        print(f"{'PASS' if ok else 'FAIL'} labs/{name}" + (f": {detail}" if detail and not ok else ""), flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1


def score(checks, results):
    """(points got, total, the names of the checks that failed) of @checks in @results."""
    got = total = 0
    failed = []
    for c in checks:
        total += c["points"]
        if all(results.get(r) for r in c["results"]):
            got += c["points"]
        else:
            failed.append(c["name"])
    return got, total, failed


def tree_results(tree, build, only):
    """{result: passed} of tests/run_tests.py --only @only run in @tree."""
    p = subprocess.run([sys.executable, os.path.join(tree, "tests", "run_tests.py"), "--build", build,
                        "--only", only], cwd=tree, capture_output=True, text=True)
    return lab.parse_results(p.stdout)


def student_tree(name, res):
    """Write, build, boot and grade @name's student tree; record the facts in @res."""
    with tempfile.TemporaryDirectory(prefix=f"lab-{name}-") as dest:
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "lab.py"), "make", name, dest],
                       check=True, capture_output=True)
        b = subprocess.run(["make", "-j2", "all", "host-tests"], cwd=dest, capture_output=True, text=True)
        res.add(f"{name}/student-tree-builds", b.returncode == 0, b.stdout[-2000:] + b.stderr[-2000:])
        if b.returncode:
            return
        build = os.path.join(dest, "build")
        boots = tree_results(dest, build, "^boot_to_shell$")
        res.add(f"{name}/student-tree-boots-to-the-shell", boots.get("boot/boot_to_shell", False))
        checks = lab_checks.LABS[name]["checks"]
        got, total, failed = score(checks, tree_results(dest, build, lab_checks.selector(checks)))
        passed_on_stub = [c["name"] for c in checks if c["name"] not in failed]
        res.add(f"{name}/student-tree-scores-0", got == 0,
                f"{got}/{total}; passed on the stub: " + "; ".join(passed_on_stub))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--only", help="regex of lab names")
    args = ap.parse_args()
    res = Results()
    names = [n for n in lab_checks.LABS if not args.only or __import__("re").search(args.only, n)]
    all_checks = [c for n in names for c in lab_checks.LABS[n]["checks"]]
    main_results = tree_results(ROOT, os.path.abspath(args.build), lab_checks.selector(all_checks))
    for name in names:
        got, total, failed = score(lab_checks.LABS[name]["checks"], main_results)
        res.add(f"{name}/solution-scores-full", got == total, f"{got}/{total}; failed: " + "; ".join(failed))
    for name in names:
        student_tree(name, res)
    print(f"{res.passed} passed, {res.failed} failed")
    sys.exit(1 if res.failed else 0)


if __name__ == "__main__":
    main()
