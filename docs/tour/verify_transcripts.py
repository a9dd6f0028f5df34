#!/usr/bin/env python3
"""docs/tour/verify_transcripts.py - every transcript of the docs, replayed against the built kernel.

    python3 docs/tour/verify_transcripts.py [--refresh] [--show] [--build DIR] [CHAPTER.md [N...]]

`make test` runs this as the suite `transcript` (tests/run_tests.py, one result
per block, named `transcript/CHAPTER#N`, N counting from 1 in the chapter);
alone it checks every chapter, or one chapter's blocks N..., and exits 1 when a
block is stale. With --refresh it rewrites the stale blocks from the real runs
(unattended, every chapter) and prints what it could not fix: rerun it after
changing the code, then read the prose around each rewritten block. --show
prints each block's real output, to choose other lines to show.

What a transcript is
--------------------
A fenced block, in docs/tour/*.md or docs/*.md, whose first line is
`$ ...make run ...` or `$ ...make debug ...`. The command declares its boot:
MEM= and SWAP= must be written out (a block without them fails without
booting, as a boot of tests/boot_tests.py without its RAM or swap); INIT=,
CMDLINE= and EXTRA= are honoured as the Makefile does; `printf '...' |` before
`make run` is the console input. The timeout is TIMEOUT seconds, or TIMEOUTS'
entry for the block. The boot is the one `make run`/`make debug` would do, made
from build/: the same ESP with the block's cmdline.txt (and for EXTRA= an initrd
staged as user/user.mk stages it), a fresh swap image of the declared size, and
QEMU started by scripts/qemu.sh (run mode for `make run`; for `make debug` QEMU
halted with its gdb stub and gdb started as scripts/qemu.sh debug starts it).
The lab program (EXTRA=build/labs) is built first, as docs/tour/README.md says.

What "stale" means
------------------
A `make run` block: the lines after the command are a pattern for the whole
console output of the boot (the firmware's screen-clearing escapes, carriage
returns and trailing blanks removed). A line `...` stands for any number of
lines, zero included; every other line must equal an output line, and lines
not separated by `...` must be consecutive in the output, in the same order.
So a block that does not end with `...` shows the end of the output, and the
shell prompt `$ ` and echoed input are part of the text.

A `make debug` block: gdb is driven one command at a time, each command sent
only after gdb printed its `(gdb) ` prompt for it, so each command's output is
known exactly. The lines before the first `(gdb) ` line are a pattern for what
gdb printed before its first prompt (the stop at kernel_main: see below); then
each `(gdb) COMMAND` line (with its ` >` continuation lines) is followed by a
pattern, with the same rules, for that command's output. The commands are the
block's own: a student replays them with `make debug ARGS < FILE`.

Exact: all text, and every number except those below: sizes, addresses
(physical and virtual), frame numbers, symbol addresses, source file names and
line numbers (gdb's `at mm/fault.c:63` and the source line it prints), value
history numbers `$N`, breakpoint numbers, page and fault counts. These are
deterministic for a given build, RAM and swap size, so they are checked.

May vary (the number is then matched as a number, any value): only the fields
of VARYING below, each a pattern for one kind of line naming the numbers in it
that TCG timing changes between two runs of the same build, each scoped to the
blocks where it varies: everywhere, the printk time stamp and the TSC cycle
counts of the fault trace; in chapter 8's two reclaim blocks, the counters,
sizes and frames that depend on when kswapd ran; in chapter 2's session, the
frames hello's page tables got (they depend on when a zombie was reaped).
Nothing else; a new varying field goes into VARYING with a comment saying why.

gdb staying in step
-------------------
`make debug` has gdb stop at kernel_main (`hbreak kernel_main`, `continue`).
Piping a whole session into gdb at once goes out of step as soon as one stop
is not the one the session expects: if the stub reports the reset vector or
kernel_main a second time (a hardware breakpoint reported again after the
single-step over it, or QEMU's initial stop answered twice), every later
`continue` lands one breakpoint early and the rest of the output is attributed
to the wrong commands, with nothing saying where it went wrong. Here gdb's
stdin is written one command at a time, and the next is sent only when gdb
has printed its prompt; before the first command, the driver waits until gdb
is stopped at kernel_main (checked with `info symbol $pc`, not from text):
a stop anywhere else before it (the reset vector, a spurious SIGTRAP) is
continued, up to 3 times, and reported in the block's result. After that, a
command whose output differs fails the block at that command, with the command
named, and the rest of the session is not guessed at.

Refresh
-------
For each stale block, each pattern (the run's, or each gdb command's) is
rebuilt from the real output: every run of lines between `...` is looked up in
the output with its numbers and blank space ignored, and replaced by the real
lines; a line not found at all is dropped, and `...` is put where the real
lines are not consecutive. A command whose output was shown whole is shown
whole again. What it cannot fix is printed under "needs a human": a gdb
command that failed (a function renamed: `Function "x" not defined.`), a
session that ended early (QEMU exited, or a timeout), dropped lines, and the
prose and exercises around a rewritten block, which quote its numbers.
"""
import argparse
import concurrent.futures as futures
import glob
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests"))

TIMEOUT = 240  # seconds for one block's boot, unless TIMEOUTS says otherwise
TIMEOUTS = {
    "08-reclaim#1": 600,  # 96 MiB through 64 MiB of RAM, twice: mostly swap I/O under TCG
    "08-reclaim#2": 480,
}
MAKEFILE_DEFAULTS = {"MEM": "512M", "SWAP": "256M", "INIT": "", "CMDLINE": "", "EXTRA": ""}
DECLARED = ("MEM", "SWAP")  # what every block's command must write out

# The fields that may vary between two runs of the same build under TCG. Each is
# (name, the blocks it applies to (None: all), a pattern for one kind of line, the
# groups of the pattern that are numbers matched as numbers). Nothing else varies.
RECLAIM = {"08-reclaim#1", "08-reclaim#2"}  # the blocks where kswapd races the program
VARYING = [
    # printk's time stamp (TSC-based, host timing): "[    0.058981] ..."
    ("printk time stamp", None, re.compile(r"^(?:\$ )*\[ *(\d+\.\d+)\] "), (1,)),
    # /proc/pagefault_trace: the last column is TSC cycles spent on the fault
    ("pagefault_trace cycles", None,
     re.compile(r"^(?:\$ )*\s+\d+\s+\d+ \S+\s+[0-9a-f]{16} [0-9a-f]{16} 0x[0-9a-f]{2} \S+\s+.+?\s+"
                r"(?:minor|major|segv|oom)\S*\s+(\d+)$"), (1,)),
    # gdb's pftrace: the last column is the fault's cycles
    ("pftrace cycles", None, re.compile(r"^\s+\d+\s+\d+ \S+\s+[0-9a-f]+\s+[0-9a-f]+ 0x[0-9a-f]{2} FAULT_\w+\s+(\d+)$"),
     (1,)),
    # /proc/vmstat's reclaim and swap counters: how much kswapd did before the
    # allocating task reclaimed itself depends on when the timer let it run
    ("vmstat reclaim counter", RECLAIM,
     re.compile(r"^(?:\$ )*(?:pgscan|pgsteal|pageoutrun|allocstall|pswpin|pswpout|pgpgin|pgpgout|pgmajfault|"
                r"swap_ra|pgrotated|pgactivate|pgdeactivate|pgrefill|nr_\w+|pgfault\w*)\w* (\d+)$"), (1,)),
    # demo_swap's rows, counted while kswapd and the program race for frames
    ("demo_swap row", RECLAIM, re.compile(r"^(?:start|written|read pass \d+) +VmRSS +(\d+) kB +VmSwap +(\d+) kB +"
                                          r"majflt +(\d+) +pswpout +(\d+) +pswpin +(\d+)$"), (1, 2, 3, 4, 5)),
    # after demo_swap, which of its pages are still in swap depends on which
    # pages kswapd took last: free's used/free/available, /proc/swaps' Used,
    # and the meminfo/status fields that count them
    ("memory in use after reclaim", RECLAIM,
     re.compile(r"^(?:\$ )*Mem: +\d+ +(\d+) +(\d+) +\d+ +(\d+) +(\d+)$"), (1, 2, 3, 4)),
    ("memory in use after reclaim", RECLAIM, re.compile(r"^(?:\$ )*Swap: +\d+ +(\d+) +(\d+)$"), (1, 2)),
    ("memory in use after reclaim", RECLAIM, re.compile(r"^(?:\$ )*/dev/vda +partition\t\d+\t\t(\d+)\t\t-?\d+$"),
     (1,)),
    ("memory in use after reclaim", RECLAIM,
     re.compile(r"^(?:\$ )*(?:VmSwap|VmRSS|RssAnon|SwapCached|SwapFree|MemFree|MemAvailable|Cached|Active\(anon\)|"
                r"Inactive\(anon\)|AnonPages|Active|Inactive|Mapped|PageTables|Unevictable|Mlocked):\s+(\d+) kB$"),
     (1,)),
    # the frame a page gets when it comes back from swap: whichever frame
    # reclaim freed last
    ("frame after swap-in", RECLAIM, re.compile(r"^  PT +\[ *\d+\] at 0x[0-9a-f]+: 0x([0-9a-f]+)  P "), (1,)),
    # chapter 2's walk of hello's text: which free frames its page tables got
    # depends on whether the shell's last child was reaped (its frames freed)
    # before hello's tables were allocated, i.e. on a timer tick (seen failing
    # once under a loaded make test); only the table frames, the levels stay exact
    ("page-table frames of a new process", {"02-page-tables#2"},
     re.compile(r"^  (?:PML4|PDPT|PD  ) \[ *\d+\] at 0x([0-9a-f]+): 0x([0-9a-f]+)  P RW US A$"), (1, 2)),
    ("page-table frames of a new process", {"02-page-tables#2"},
     re.compile(r"^  PT   \[ *\d+\] at 0x([0-9a-f]+): 0x[0-9a-f]+  P US A$"), (1,)),
    # the I/O request on the stack of whoever paged out (kswapd, or the program
    # reclaiming directly)
    ("pageout requester's stack", RECLAIM, re.compile(r"\bio=(?:io@entry=)?0x([0-9a-f]+)"), (1,)),
    ("frame after swap-in", RECLAIM, re.compile(r"^  -> PA 0x([0-9a-f]+) \(frame 0x([0-9a-f]+)\)$"), (1, 2)),
]

GDB_ERRORS = re.compile(r'^(?:Function ".*" not defined\.|No symbol ".*" in current context\.|'
                        r"No symbol table is loaded|Remote connection closed|The program is not being run\.|"
                        r"Cannot access memory at address|Undefined command: )")


# ---------------------------------------------------------------- blocks
class Block:
    """One transcript: its chapter, number, the line span in the file, its lines."""

    def __init__(self, path, n, start, lines):
        self.path, self.n, self.start, self.lines = path, n, start, lines
        self.chapter = os.path.splitext(os.path.basename(path))[0]
        self.name = f"{self.chapter}#{n}"
        self.cmd = lines[0][2:]
        self.debug = bool(re.search(r"\bmake debug\b", self.cmd))


def transcript_files():
    return sorted(glob.glob(os.path.join(ROOT, "docs", "tour", "[0-9]*.md"))) + \
        sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))


def find_blocks(path):
    lines = open(path).read().split("\n")
    out, i, n = [], 0, 0
    while i < len(lines):
        if lines[i] == "```":
            j = i + 1
            while j < len(lines) and lines[j] != "```":
                j += 1
            body = lines[i + 1:j]
            if body and body[0].startswith("$ ") and re.search(r"\bmake (run|debug)\b", body[0]):
                n += 1
                out.append(Block(path, n, i + 1, body))
            i = j + 1
        else:
            i += 1
    return out


def all_blocks():
    return [b for p in transcript_files() for b in find_blocks(p)]


# ---------------------------------------------------------------- comparing
def clean(line):
    line = re.sub(r"\x1b\[[0-9;=]*[A-Za-z]", "", line)
    return line.replace("\r", "").rstrip()


def masked(line, rules):
    """@line with the numbers of its VARYING fields replaced by ' <#>', the blanks
    before each taken with it: a right-aligned column's padding changes with the
    number of digits (9308 and 10417 cycles)."""
    for _, _, pat, groups in rules:
        m = pat.search(line)
        if m:
            spans = sorted((m.span(g) for g in groups), reverse=True)
            for a, b in spans:
                line = line[:a].rstrip(" ") + " <#>" + line[b:]
            return line
    return line


def rules_for(block):
    return [r for r in VARYING if r[1] is None or block.name in r[1]]


def match(pattern, actual, rules):
    """Does @pattern (lines, '...' any lines) equal @actual? Returns None, or the first
    pattern line that could not be placed."""
    segs, cur = [], []
    for line in pattern:
        if line == "...":
            segs.append(cur)
            cur = []
        else:
            cur.append(line)
    segs.append(cur)
    want = [[masked(line, rules) for line in s] for s in segs]
    got = [masked(line, rules) for line in actual]
    anchored_start, anchored_end = pattern[:1] != ["..."], pattern[-1:] != ["..."] if pattern else True
    pos = 0
    for k, seg in enumerate(want):
        if not seg:
            continue
        last = k == len(want) - 1
        cands = range(pos, len(got) - len(seg) + 1)
        if k == 0 and anchored_start:
            cands = [0] if len(got) >= len(seg) else []
        if last and anchored_end and len(pattern) > 0:
            cands = [len(got) - len(seg)] if len(got) - len(seg) >= pos else []
        found = next((c for c in cands if got[c:c + len(seg)] == seg), None)
        if found is None:
            # name the first line of the segment that is not where it should be
            for i in range(len(seg)):
                if not any(got[c:c + i + 1] == seg[:i + 1] for c in cands):
                    return segs[k][i]
            return segs[k][0]
        pos = found + len(seg)
    if not pattern and actual:
        return "(nothing shown, but there is output)"
    return None


def skeleton(line):
    line = re.sub(r"^(\$ )+", "", line)
    return re.sub(r"\s+", " ", re.sub(r"(0x)?[0-9a-fA-F]+", "#", line)).strip()


def rebuild(pattern, actual, notes, what, rules):
    """The refreshed pattern: each shown line replaced by the real one it stands for
    (kept as it is when it differs from it only in a VARYING field)."""
    if "..." not in pattern:
        if [masked(x, rules) for x in pattern] == [masked(x, rules) for x in actual]:
            return list(pattern)
        if [skeleton(x) for x in pattern] != [skeleton(x) for x in actual]:
            notes.append(f"{what}: shown whole, rewritten whole ({len(pattern)} -> {len(actual)} lines)")
        return list(actual)
    sk = [skeleton(x) for x in actual]
    out, pos, last = [], 0, None
    if pattern[0] == "...":
        out.append("...")
    # Where each run of lines between `...` is now: the first place where the whole
    # run matches with numbers ignored, else each line on its own.
    placed, seg_start = {}, 0
    for i in range(len(pattern) + 1):
        if i == len(pattern) or pattern[i] == "...":
            seg = [skeleton(x) for x in pattern[seg_start:i]]
            if seg:
                c = next((c for c in range(placed.get("pos", 0), len(actual) - len(seg) + 1)
                          if sk[c:c + len(seg)] == seg), None)
                if c is not None:
                    for k in range(len(seg)):
                        placed[seg_start + k] = c + k
                    placed["pos"] = c + len(seg)
            seg_start = i + 1
    for i, line in enumerate(pattern):
        if line == "...":
            continue
        j = placed.get(i)
        if j is not None and j < pos:
            j = None
        if j is None:
            j = next((k for k in range(pos, len(actual)) if sk[k] == skeleton(line) and actual[k] == line), None)
        if j is None:
            j = next((k for k in range(pos, len(actual)) if sk[k] == skeleton(line)), None)
        if j is None:
            notes.append(f"{what}: dropped, not in the output any more: {line!r}")
            continue
        if out and out[-1] != "..." and (last is None or j != last + 1):
            out.append("...")
        elif not out and j != 0:
            out.append("...")
        out.append(line if masked(line, rules) == masked(actual[j], rules) else actual[j])
        pos, last = j + 1, j
    if pattern[-1] == "..." or last is None or last != len(actual) - 1:
        if not out or out[-1] != "...":
            out.append("...")
    return out


# ---------------------------------------------------------------- booting
def parse_command(block):
    """The boot a block's command declares: dict(mem, swap, init, cmdline, extra, stdin)."""
    m = re.match(r"^(?:(.*)\|\s*)?make (run|debug)\b(.*)$", block.cmd)
    if not m:
        raise ValueError(f"cannot read the command {block.cmd!r}")
    words = shlex.split(m.group(3))
    knobs = {}
    for w in words:
        k, eq, v = w.partition("=")
        if not eq or k not in MAKEFILE_DEFAULTS:
            raise ValueError(f"unknown make argument {w!r} (only {', '.join(MAKEFILE_DEFAULTS)})")
        knobs[k] = v
    missing = [k for k in DECLARED if k not in knobs]
    if missing:
        raise ValueError(f"the command does not declare its {' and '.join(missing)}= (each boot declares its RAM and swap)")
    spec = dict(MAKEFILE_DEFAULTS, **knobs)
    spec["stdin"] = b""
    if m.group(1):
        spec["stdin"] = subprocess.run(["bash", "-c", m.group(1)], capture_output=True, check=True, cwd=ROOT).stdout
    return spec


def kernel_cmdline(spec):
    parts = ["console=ttyS0", spec["CMDLINE"].strip()]
    if spec["INIT"].strip():
        parts.append(f'init="{spec["INIT"].strip()}"')
    return " ".join(p for p in parts if p)


def build_labs(build):
    """docs/tour/labs/*.c into build/labs/, as docs/tour/README.md tells students."""
    labs = os.path.join(build, "labs")
    os.makedirs(labs, exist_ok=True)
    for src in sorted(glob.glob(os.path.join(ROOT, "docs", "tour", "labs", "*.c"))):
        out = os.path.join(labs, os.path.basename(src)[:-2])
        if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(src):
            subprocess.run(["musl-gcc", "-static", "-O2", "-o", out, src], check=True)


def make_image(build, block, spec, tdir):
    """The block's ESP: build/esp.img with its cmdline.txt (and its EXTRA initrd)."""
    import run_tests
    test = dict(name=f"transcript-{block.chapter}-{block.n}", cmdline=kernel_cmdline(spec))
    img = run_tests.make_image(build, test)
    if spec["EXTRA"]:
        extra = os.path.join(ROOT, spec["EXTRA"]) if not os.path.isabs(spec["EXTRA"]) else spec["EXTRA"]
        stage = os.path.join(tdir, "initrd")
        shutil.rmtree(stage, ignore_errors=True)
        shutil.copytree(os.path.join(build, "initrd"), stage, symlinks=True)
        for f in sorted(os.listdir(extra)):
            src = os.path.join(extra, f)
            if os.path.isfile(src):
                if os.path.exists(os.path.join(stage, "bin", f)):
                    os.unlink(os.path.join(stage, "bin", f))
                shutil.copyfile(src, os.path.join(stage, "bin", f))
                os.chmod(os.path.join(stage, "bin", f), 0o755)
        cpio = os.path.join(tdir, "initrd.cpio")
        subprocess.run(f"cd '{stage}' && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc > '{cpio}'",
                       shell=True, check=True)
        subprocess.run(["mcopy", "-o", "-i", img, cpio, "::/initrd.cpio"], check=True)
    return img


def make_swap(build, block, spec):
    import run_tests
    size = spec["SWAP"]
    if size in ("", "0"):
        return None
    if not re.fullmatch(r"\d+[KMG]?", size):
        raise ValueError(f"SWAP={size}: a transcript declares a size, not an image path")
    return run_tests.make_swap(build, dict(name=f"transcript-{block.chapter}-{block.n}", swap=size))


def qemu_env(spec, swap):
    return dict(os.environ, MEM=spec["MEM"], SWAP=swap or "0", QEMUFLAGS="")


def boot_run(build, block, spec, img, swap, timeout):
    """A `make run` block: scripts/qemu.sh run, its console input from the block's pipe."""
    p = subprocess.Popen([os.path.join(ROOT, "scripts", "qemu.sh"), "run", img], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=qemu_env(spec, swap),
                         cwd=ROOT, start_new_session=True)
    try:
        out, _ = p.communicate(spec["stdin"], timeout=timeout)
        problem = None
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        out, _ = p.communicate()
        problem = f"timeout after {timeout}s"
    return [clean(x) for x in out.decode(errors="replace").split("\n")], problem


class Gdb:
    """gdb on pipes, one command at a time: send, then read up to the next prompt."""
    PROMPT = "(gdb) "

    def __init__(self, args, deadline):
        self.p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  cwd=ROOT, start_new_session=True)
        self.buf, self.cv, self.deadline = b"", threading.Condition(), deadline
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        while True:
            data = os.read(self.p.stdout.fileno(), 65536)
            with self.cv:
                self.buf += data if data else b""
                self.eof = not data
                self.cv.notify_all()
            if not data:
                return

    def wait_prompt(self):
        """gdb's output up to its next prompt (None: gdb exited or the deadline passed, with what came)."""
        with self.cv:
            while True:
                text = self.buf.decode(errors="replace")
                if text.endswith(self.PROMPT):
                    self.buf = b""
                    return text[:-len(self.PROMPT)], None
                if getattr(self, "eof", False):
                    self.buf = b""
                    return text, "gdb exited"
                left = self.deadline - time.monotonic()
                if left <= 0:
                    self.buf = b""
                    return text, "timeout"
                self.cv.wait(min(left, 1.0))

    def send(self, lines):
        self.p.stdin.write(("\n".join(lines) + "\n").encode())
        self.p.stdin.flush()

    def close(self):
        try:
            os.killpg(self.p.pid, 9)
        except ProcessLookupError:
            pass
        self.p.wait()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gdb_units(block):
    """The session: (preamble pattern, [(input lines, output pattern)])."""
    body = block.lines[1:]
    i = 0
    pre = []
    while i < len(body) and not body[i].startswith("(gdb) "):
        pre.append(body[i])
        i += 1
    units = []
    while i < len(body):
        inp = [body[i][len("(gdb) "):]]
        i += 1
        while i < len(body) and body[i].startswith(" >"):
            inp.append(body[i][2:])
            i += 1
        out = []
        while i < len(body) and not body[i].startswith("(gdb) "):
            out.append(body[i])
            i += 1
        units.append((inp, out))
    return pre, units


def boot_debug(build, block, spec, img, swap, timeout):
    """A `make debug` block: QEMU halted with its stub, gdb as `make debug` starts it, the
    block's commands one at a time. Returns (preamble lines, [output lines per command], problem, notes)."""
    import run_tests
    port = free_port()
    log = os.path.join(os.path.dirname(img), f"transcript-{block.chapter}-{block.n}.serial.log")
    qemu = subprocess.Popen(run_tests.qemu_cmd(img, spec["MEM"], ["-S", "-gdb", f"tcp:127.0.0.1:{port}"], swap=swap),
                            stdout=open(log, "wb"), stderr=subprocess.STDOUT, env=qemu_env(spec, swap),
                            start_new_session=True)
    deadline = time.monotonic() + timeout
    gdb = Gdb(["gdb", "-q", "-x", os.path.join(ROOT, "scripts", "gdb", "kernel.gdb"),
               "-ex", f"target remote 127.0.0.1:{port}", "-ex", "hbreak kernel_main", "-ex", "continue"], deadline)
    notes, outs, problem = [], [], None
    try:
        pre, problem = gdb.wait_prompt()
        # In step: stopped at kernel_main before the first command, whatever stops came first.
        for _ in range(3):
            if problem:
                break
            gdb.send(["info symbol $pc"])
            where, problem = gdb.wait_prompt()
            if re.match(r"kernel_main in section", where.strip()):
                break
            notes.append(f"stopped at {where.strip()!r} before kernel_main: continued")
            gdb.send(["continue"])
            more, problem = gdb.wait_prompt()
            pre += more
        else:
            problem = problem or "never stopped at kernel_main"
        _, units = gdb_units(block)
        for inp, _ in units:
            if problem:
                break
            gdb.send(inp)
            out, problem = gdb.wait_prompt()
            if len(inp) > 1:  # the continuation prompts ">" printed for each line after the first
                out = re.sub(r"^(\s*>)+", "", out)
            lines = [clean(x) for x in out.split("\n")]
            outs.append(lines[:-1] if lines[-1] == "" else lines)
            if problem:
                problem = f"{problem} at `{inp[0]}`"
    finally:
        gdb.close()
        qemu.kill()
        qemu.wait()
    pre_lines = [clean(x) for x in pre.split("\n")]
    if pre_lines and pre_lines[-1] == "":
        pre_lines.pop()
    return pre_lines, outs, problem, notes


def replay(build, block):
    """Boot @block; returns dict(kind, actual..., problem, notes)."""
    spec = parse_command(block)
    timeout = TIMEOUTS.get(block.name, TIMEOUT)
    tdir = os.path.join(build, "test", f"transcript-{block.chapter}-{block.n}")
    os.makedirs(tdir, exist_ok=True)
    img = make_image(build, block, spec, tdir)
    swap = make_swap(build, block, spec)
    try:
        if block.debug:
            pre, outs, problem, notes = boot_debug(build, block, spec, img, swap, timeout)
            return dict(pre=pre, outs=outs, problem=problem, notes=notes)
        out, problem = boot_run(build, block, spec, img, swap, timeout)
        while out and out[-1] == "":
            out.pop()
        return dict(out=out, problem=problem, notes=[])
    finally:
        for f in (img, swap):
            if f and os.path.exists(f):
                os.unlink(f)


def check(block, r):
    """The block's problems against the replay @r (empty: the block is up to date)."""
    rules = rules_for(block)
    problems = []
    if not block.debug:
        bad = match(block.lines[1:], r["out"], rules)
        if bad is not None:
            problems.append(f"the shown line {bad!r} is not in the output where the block puts it")
    else:
        pre, units = gdb_units(block)
        bad = match(pre, r["pre"], rules)
        if bad is not None:
            problems.append(f"before the first command: {bad!r} not in gdb's output")
        for k, (inp, want) in enumerate(units):
            if k >= len(r["outs"]):
                problems.append(f"`{inp[0]}` was never run (the session ended before it)")
                break
            bad = match(want, r["outs"][k], rules)
            if bad is not None:
                got = "\n".join("      | " + x for x in r["outs"][k][:12])
                problems.append(f"`{inp[0]}`: the shown line {bad!r} is not in its output, which is:\n{got}")
                break  # what follows depends on this stop: one precise failure
    if r["problem"]:
        problems.append(r["problem"])
    return problems


def refreshed(block, r):
    """(the block's new lines, notes for a human)."""
    notes = list(r["notes"])
    if r["problem"]:
        notes.append(f"{r['problem']}: the block was refreshed only up to there")
    if not block.debug:
        return [block.lines[0]] + rebuild(block.lines[1:], r["out"], notes, "output", rules_for(block)), notes
    pre, units = gdb_units(block)
    lines = [block.lines[0]] + rebuild(pre, r["pre"], notes, "before the first command", rules_for(block))
    for k, (inp, want) in enumerate(units):
        lines.append("(gdb) " + inp[0])
        lines += [" >" + x for x in inp[1:]]
        if k < len(r["outs"]):
            got = r["outs"][k]
            for x in got:
                if GDB_ERRORS.match(x):
                    notes.append(f"`{inp[0]}` failed: {x!r} (a renamed function or variable? fix the command)")
            lines += rebuild(want, got, notes, f"`{inp[0]}`", rules_for(block)) if match(want, got, rules_for(block)) is not None \
                else want
        else:
            lines += want
    return lines, notes


def write_blocks(path, new):
    """Replace blocks of @path: @new maps a block's start line to (old lines, new lines)."""
    lines = open(path).read().split("\n")
    for start in sorted(new, reverse=True):
        old, repl = new[start]
        assert lines[start:start + len(old)] == old, f"{path}: block at line {start + 1} changed meanwhile"
        lines[start:start + len(old)] = repl
    with open(path, "w") as f:
        f.write("\n".join(lines))


# ---------------------------------------------------------------- the suite
def select(only=None):
    return [b for b in all_blocks() if not only or re.search(only, "transcript/" + b.name)]


def run_one(build, block, results):
    try:
        r = replay(build, block)
    except (ValueError, subprocess.CalledProcessError) as e:
        results.add("transcript", block.name, False, str(e))
        return None
    problems = check(block, r)
    detail = f"{os.path.relpath(block.path, ROOT)} line {block.start + 1}: `{block.cmd}`\n  " + "\n  ".join(problems)
    if r["notes"]:
        detail += "\n  notes: " + "; ".join(r["notes"])
    results.add("transcript", block.name, not problems, detail)
    return r


def submit(pool, build, results, only=None):
    """tests/run_tests.py: one job per block of the suite, on its pool."""
    build_labs(build)
    return [pool.submit(run_one, build, b, results) for b in select(only)]


class PrintResults:
    def __init__(self):
        self.rows = []
        self.lock = threading.Lock()

    def add(self, suite, name, ok, detail=""):
        with self.lock:
            self.rows.append((suite, name, ok, detail))
            print(f"{'PASS' if ok else 'FAIL'} {suite}/{name}" + (f": {detail}" if not ok else ""), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--refresh", action="store_true", help="rewrite stale blocks from real runs")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", action="store_true", help="print the real output of the blocks (to pick lines to show)")
    ap.add_argument("chapter", nargs="?")
    ap.add_argument("blocks", nargs="*", type=int)
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    blocks = all_blocks()
    if args.chapter:
        path = os.path.abspath(args.chapter)
        blocks = [b for b in blocks if b.path == path and (not args.blocks or b.n in args.blocks)]
    build_labs(build)
    results = PrintResults()
    with futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        jobs = [(b, pool.submit(run_one, build, b, results)) for b in blocks]
        replays = [(b, j.result()) for b, j in jobs]
    failed = sum(1 for r in results.rows if not r[2])
    if args.show:
        for b, r in replays:
            print(f"==== {b.name}: {b.cmd}")
            if r and b.debug:
                print("\n".join(r["pre"]))
                for (inp, _), out in zip(gdb_units(b)[1], r["outs"]):
                    print("\n".join(["(gdb) " + inp[0]] + [" >" + x for x in inp[1:]] + out))
            elif r:
                print("\n".join(r["out"]))
    if args.refresh:
        todo, human = {}, []
        for b, r in replays:
            if r is None:
                human.append((b, ["the command itself is wrong (see above)"]))
                continue
            if not check(b, r):
                continue
            lines, notes = refreshed(b, r)
            todo.setdefault(b.path, {})[b.start] = (b.lines, lines)
            human.append((b, notes + ["rewritten: reread the prose and exercises that quote it"]))
        for path, new in todo.items():
            write_blocks(path, new)
        print(f"\nrefreshed {sum(len(v) for v in todo.values())} block(s)")
        if human:
            print("needs a human:")
            for b, notes in human:
                for n in notes:
                    print(f"  {b.name} ({os.path.relpath(b.path, ROOT)}:{b.start + 1}): {n}")
        return 0
    print(f"{len(results.rows) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
