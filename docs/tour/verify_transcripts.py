#!/usr/bin/env python3
"""docs/tour/verify_transcripts.py - rerun the tour's transcripts against the kernel of the tree.

    python3 docs/tour/verify_transcripts.py [--refresh] [CHAPTER.md [BLOCK...]]

A transcript is a fenced block whose first line is `$ ...make run...` or
`$ ...make debug...`. The command runs from the top of the repository, with
the block's `(gdb) ` and ` >` lines piped into `make debug` (as a student
replays a session); every other line of the block, except `...`, must then
appear in the output, in order (prompts and `[  0.123]` time stamps aside).
With --refresh, a shown line that matches an output line except for its
numbers (addresses, counts) is replaced by the real one; what is left is
printed for a human to fix. Lines the chapters say vary between runs (fault
cycles, reclaim counters) are expected to be reported.

Not part of `make test`: it boots QEMU once per block (several minutes in all).
Build the lab program first (docs/tour/README.md) for chapters 5, 6 and 7.
"""
import glob
import os
import re
import socket
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def blocks(text):
    for m in re.finditer(r"^```\n(.*?)^```", text, re.S | re.M):
        lines = m.group(1).splitlines()
        if lines and lines[0].startswith("$ ") and re.search(r"make (run|debug)", lines[0]):
            yield lines


def norm(line):
    """A line without gdb/shell prompts and kernel time stamps."""
    while True:
        stripped = re.sub(r"^(\(gdb\) |\$ | ?>)", "", line)
        if stripped == line:
            break
        line = stripped
    return re.sub(r"^\[ *\d+\.\d+\] ", "[] ", line).rstrip()


def numbers(line):
    return re.sub(r"(0x)?[0-9a-fA-F]+", "#", line)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_gdb_input(line):
    return line.startswith("(gdb) ") or line.startswith(" >")


def run(block):
    """Run @block's command; (output lines, the block's expected lines with their indexes)."""
    cmd = block[0][2:]
    debug = "make debug" in cmd
    stdin = None
    if debug:
        stdin = "\n".join(l[6:] if l.startswith("(gdb) ") else l[2:] for l in block[1:] if is_gdb_input(l)) + "\n"
        cmd = cmd.replace("make debug", f"make debug GDBPORT={free_port()}", 1)
    p = subprocess.run(["bash", "-c", cmd], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=900)
    expected = [(i, l) for i, l in enumerate(block) if i > 0 and l.strip() not in ("", "...")
                and not (debug and is_gdb_input(l))]
    return [norm(l) for l in (p.stdout + p.stderr).splitlines()], expected


def check(block, refresh):
    """The lines of @block not found in a fresh run; with @refresh, @block updated in place where possible."""
    got, expected = run(block)
    pos, missing = 0, []
    for i, line in expected:
        want = norm(line)
        j = next((k for k in range(pos, len(got)) if got[k] == want), None)
        if j is None and refresh:
            j = next((k for k in range(pos, len(got)) if numbers(got[k]) == numbers(want)), None)
            if j is not None:
                stamp = re.match(r"^(\[ *\d+\.\d+\] )", line)
                block[i] = (stamp.group(1) + got[j][3:]) if stamp and got[j].startswith("[] ") else got[j]
        if j is None:
            missing.append(line)
        else:
            pos = j + 1
    return missing


def main():
    args = sys.argv[1:]
    refresh = "--refresh" in args
    args = [a for a in args if a != "--refresh"]
    chapters = [args[0]] if args else sorted(glob.glob(os.path.join(ROOT, "docs", "tour", "[0-9]*.md")))
    only = [int(a) for a in args[1:]]
    failed = 0
    for path in chapters:
        text = open(path).read()
        for n, block in enumerate(blocks(text)):
            if only and n not in only:
                continue
            before = "\n".join(block)
            missing = check(block, refresh)
            if refresh and "\n".join(block) != before:
                text = text.replace(before, "\n".join(block), 1)
            print(f"{os.path.relpath(path, ROOT)} block {n} ({block[0][2:60]}): "
                  f"{'ok' if not missing else f'{len(missing)} line(s) not in the output'}", flush=True)
            for line in missing:
                print("    " + line)
            failed += bool(missing)
        if refresh:
            with open(path, "w") as f:
                f.write(text)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
