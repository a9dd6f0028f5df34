#!/usr/bin/env python3
"""scripts/lab.py - the course kit (docs/labs/README.md): labs where students
write kernel code and a grader scores it.

  lab.py list                 the labs, one name a line (make labs)
  lab.py regions [LAB]        where each lab's solution regions are, file:line
  lab.py make LAB DEST        write the student tree of LAB to DEST (make lab): this
                              repository's files (git's, as they are now) with LAB's
                              solution regions replaced by their stubs
  lab.py grade LAB [--build B]
                              run LAB's checks here (make grade): one line a check
                              with its points, then the total; exit 1 unless full marks

A solution region in C is marked by two comments on lines of their own:

    /* LAB cow BEGIN: what the student is to write here (one line) */
    ...the solution...
    /* LAB cow END: the stub, C statements that compile and keep the kernel
       working, the simple way the lab then improves */

The student tree has, in place of the region, a TODO comment with the BEGIN
text and the stub. The labs, their checks and points are in
scripts/lab_checks.py; each check is a set of results of tests/run_tests.py
(host tests, QEMU boots, user programs diffed against Linux), all of which
must pass for its points.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lab_checks  # noqa: E402

BEGIN = re.compile(r"^(\s*)/\* LAB (\S+) BEGIN: (.*?) \*/\s*$")
END = re.compile(r"^\s*/\* LAB (\S+) END: (.*?) \*/\s*$")
SOURCE_EXT = (".c", ".h", ".asm")


def tracked_files():
    """Every file git tracks, as paths relative to ROOT (untracked new ones too, not ignored)."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    return [f for f in out.splitlines() if os.path.isfile(os.path.join(ROOT, f))]


def regions(text, path):
    """The solution regions of @text: (lab, first line, last line, indent, todo, stub), lines 1-based."""
    found, open_at = [], None
    for n, line in enumerate(text.splitlines(), 1):
        b, e = BEGIN.match(line), END.match(line)
        if b:
            if open_at:
                sys.exit(f"{path}:{n}: LAB {b.group(2)} BEGIN inside LAB {open_at[1]}'s region")
            open_at = (n, b.group(2), b.group(1), b.group(3))
        elif e:
            if not open_at or open_at[1] != e.group(1):
                sys.exit(f"{path}:{n}: LAB {e.group(1)} END without its BEGIN")
            found.append((open_at[1], open_at[0], n, open_at[2], open_at[3], e.group(2)))
            open_at = None
    if open_at:
        sys.exit(f"{path}:{open_at[0]}: LAB {open_at[1]} BEGIN without its END")
    return found


def all_regions():
    """{lab: [(path, first, last, indent, todo, stub)]} over the tree's sources."""
    labs = {}
    for f in tracked_files():
        if f.endswith(SOURCE_EXT):
            with open(os.path.join(ROOT, f), encoding="utf-8") as fh:
                for lab, first, last, indent, todo, stub in regions(fh.read(), f):
                    labs.setdefault(lab, []).append((f, first, last, indent, todo, stub))
    return labs


def check_labs(labs):
    """Every lab has regions and checks, and every region's lab is known: else exit."""
    for lab in labs:
        if lab not in lab_checks.LABS:
            sys.exit(f"lab.py: regions of lab {lab} but no checks in scripts/lab_checks.py")
    for lab in lab_checks.LABS:
        if lab not in labs:
            sys.exit(f"lab.py: lab {lab} has checks but no solution region")


def student_text(text, lab):
    """@text with @lab's regions replaced by a TODO comment and the stub."""
    lines, out, skipping = text.splitlines(keepends=True), [], False
    for line in lines:
        b, e = BEGIN.match(line), END.match(line)
        if b and b.group(2) == lab:
            indent = b.group(1)
            out.append(f"{indent}/* TODO(lab {lab}): {b.group(3)}\n"
                       f"{indent} * (docs/labs/{lab}.md). What is here now is the simple way. */\n")
            skipping = True
        elif e and e.group(1) == lab and skipping:
            out.append(f"{indent}{e.group(2)}\n")
            skipping = False
        elif not skipping:
            out.append(line)
    return "".join(out)


def make_tree(lab, dest):
    """Write the student tree of @lab to @dest (which must not exist or be empty)."""
    labs = all_regions()
    check_labs(labs)
    if lab not in labs:
        sys.exit(f"lab.py: no lab {lab} (make labs lists them)")
    if os.path.exists(dest) and os.listdir(dest):
        sys.exit(f"lab.py: {dest} is not empty")
    touched = {path for path, *_ in labs[lab]}
    for f in tracked_files():
        src, dst = os.path.join(ROOT, f), os.path.join(dest, f)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if f in touched:
            with open(src, encoding="utf-8") as fh:
                text = student_text(fh.read(), lab)
            with open(dst, "w", encoding="utf-8") as fh:
                fh.write(text)
        else:
            shutil.copy2(src, dst)
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    print(f"lab {lab}: student tree in {dest} ({len(labs[lab])} region(s) to write: "
          + ", ".join(f"{p}:{first}" for p, first, *_ in labs[lab]) + ")")


def parse_results(text):
    """{result name: passed} of tests/run_tests.py's PASS/FAIL lines in @text."""
    results = {}
    for line in text.splitlines():
        m = re.match(r"^(PASS|FAIL) (\S+?)(:|$)", line)
        if m:
            results[m.group(2)] = m.group(1) == "PASS"
    return results


def grade(lab, build):
    """Run @lab's checks; print them with points and the total; exit 1 unless full marks."""
    if lab not in lab_checks.LABS:
        sys.exit(f"lab.py: no lab {lab} (make labs lists them)")
    checks = lab_checks.LABS[lab]["checks"]
    p = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "run_tests.py"), "--build", build,
                        "--only", lab_checks.selector(checks)], cwd=ROOT, capture_output=True, text=True)
    results = parse_results(p.stdout)
    got = total = 0
    for c in checks:
        missing = [r for r in c["results"] if r not in results]
        failed = [r for r in c["results"] if r in results and not results[r]]
        ok = not missing and not failed
        total += c["points"]
        got += c["points"] if ok else 0
        why = "" if ok else " (" + ", ".join([f"failed: {r}" for r in failed] +
                                              [f"did not run: {r}" for r in missing]) + ")"
        print(f"{c['name']}: {'OK' if ok else 'FAIL'} {c['points'] if ok else 0}/{c['points']}{why}")
    print(f"Score: {got}/{total}")
    sys.exit(0 if got == total else 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    r = sub.add_parser("regions")
    r.add_argument("lab", nargs="?")
    m = sub.add_parser("make")
    m.add_argument("lab")
    m.add_argument("dest")
    g = sub.add_parser("grade")
    g.add_argument("lab")
    g.add_argument("--build", default="build")
    args = ap.parse_args()
    if args.cmd == "list":
        check_labs(all_regions())
        print("\n".join(lab_checks.LABS))
    elif args.cmd == "regions":
        for lab, places in sorted(all_regions().items()):
            if not args.lab or lab == args.lab:
                for path, first, last, _, todo, _ in places:
                    print(f"{lab}: {path}:{first}-{last}: {todo}")
    elif args.cmd == "make":
        make_tree(args.lab, os.path.abspath(args.dest))
    else:
        grade(args.lab, os.path.abspath(args.build))


if __name__ == "__main__":
    main()
