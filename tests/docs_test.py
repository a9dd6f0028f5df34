#!/usr/bin/env python3
"""tests/docs_test.py - the docs name only things that exist (part of `make test`).

Reads docs/*.md and docs/tour/*.md and checks, without QEMU, in about a second:
  files      every `path/to/file.c` (also .h .asm .py .sh .md .ld .mk .gdb) and
             markdown link is a file of the tree; a bare `file.c` names some file;
             paths under build/ are build products and are not checked;
  functions  `file.c: function` names a word of that file; `function()` is
             called or defined somewhere in the sources;
  gdb        every command of a session line `(gdb) ...` (and ` >` block lines,
             and backticked `hbreak X`, `ptwalk X`, `p X` ...) is a gdb command or
             one of scripts/gdb/mm.py's; a breakpoint's location is a function or
             label of the sources; the identifiers of its expressions are words
             of the sources. In docs/tour/ a session line has no trailing
             `# comment` (gdb would take it for part of the command);
  make       `make TARGET VAR=...` uses targets and variables the Makefiles have;
  tools      `/bin/NAME` and `/tests/NAME` exist (user/NAME.c, tests/user/NAME.*,
             or a tour lab program docs/tour/labs/NAME.c), and the commands of
             shell transcripts (`$ cmd`, `printf '...' | make run`) are tools,
             shell built-ins or host commands;
  /proc      every /proc path is in kernel/fs/proc/procfs.c's proc_entries[] table
             (/proc/PID/..., /proc/self/... and /proc/N/... are its PID entries);
             a backticked meminfo/status/vmstat field name is one the procfs
             generators print;
  tour       in docs/tour/, every backticked snake_case identifier is a word of the
             sources, unless the text just before it says it is Linux's.
Linux's own files named as such in docs/procfs.md are listed in LINUX_FILES.
Run alone: python3 tests/docs_test.py (PASS/FAIL per doc, exit 1 on a failure).
"""
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Linux source files the docs cite as Linux's (the "Linux" column of docs/procfs.md).
LINUX_FILES = {"kernel/sysctl.c", "mm/oom_kill.c", "mm/swapfile.c", "loadavg.c"}
SEED = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")  # the seed chapters: ../shared/seeds/NNN_HASH.txt
SEEDS_DIR = os.path.join("..", "shared", "seeds")
SOURCE_EXT = (".c", ".h", ".asm", ".S", ".py", ".sh", ".gdb", ".mk", ".ld")
PATH_EXT = r"(?:c|h|asm|S|py|sh|md|ld|mk|gdb|txt)"
SKIP_DIRS = {".git", "build"}
SHELL_BUILTINS = {"cd", "exit", "echo"}
HOST_COMMANDS = {"make", "printf", "musl-gcc", "gcc", "mkdir", "readelf", "addr2line", "gdb", "tail",
                 "grep", "python3", "diff", "ls", "cat", "scripts/qemu.sh", "sudo", "apt-get"}
GDB_BLOCK_WORDS = {"silent", "end"}
GDB_BREAKS = {"break", "b", "tbreak", "hbreak", "thbreak", "until", "advance"}
GDB_EXPRS = {"p", "print", "output", "call", "x", "set", "while", "if", "printf", "ptwalk", "pageinfo", "display"}
C_WORDS = {"sizeof", "struct", "union", "enum", "unsigned", "signed", "long", "int", "char", "short", "void",
           "const", "volatile", "var", "if", "uint64_t", "uint32_t", "int64_t", "bool", "true", "false"}
GDB_STATIC = {"break", "b", "tbreak", "hbreak", "thbreak", "continue", "c", "finish", "next", "step", "stepi",
              "nexti", "print", "p", "x", "bt", "backtrace", "info", "monitor", "set", "delete", "commands",
              "end", "while", "printf", "echo", "frame", "up", "down", "list", "disassemble", "display",
              "kill", "detach", "target", "file", "source", "add-symbol-file", "until", "advance", "output",
              "call", "ptype", "whatis", "watch", "rwatch", "awatch", "condition", "ignore"}
PROC_FIELD = re.compile(r"^(?:(?:Mem|Swap|Vm|Rss|Active|Inactive|Anon|PageTables|KernelStack|Commit|Slab|"
                        r"SReclaimable|SUnreclaim|KReclaimable|Cached|Buffers|Mapped|Shmem|Mlocked|"
                        r"Unevictable|Dirty|Writeback)\w*(?:\((?:anon|file)\))?|"
                        r"(?:pg|pswp|nr_|allocstall|oom_kill|pageoutrun)[a-z_]*)$")


class Tree:
    """What the docs may refer to: files, source words, functions, make targets, /proc."""

    def __init__(self, root):
        self.root = root
        self.files = set()
        self.basenames = set()
        self.text = {}
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
            for f in filenames:
                rel = os.path.relpath(os.path.join(dirpath, f), root)
                self.files.add(rel)
                self.basenames.add(f)
                if f.endswith(SOURCE_EXT) or f == "Makefile":
                    with open(os.path.join(dirpath, f), errors="replace") as fh:
                        self.text[rel] = fh.read()
        self.dirs = {os.path.dirname(f) for f in self.files} | {p.split("/")[0] for p in self.files}
        all_src = "\n".join(self.text.values())
        self.words = set(re.findall(r"[A-Za-z_]\w*", all_src))
        c_src = "\n".join(t for f, t in self.text.items() if f.endswith((".c", ".h")))
        self.called = set(re.findall(r"\b([A-Za-z_]\w*)\s*\(", c_src))
        self.labels = set()
        for f, t in self.text.items():
            if f.endswith(".asm"):
                label = None
                for m in re.finditer(r"^(\.?\w+):", t, re.M):
                    if m.group(1).startswith("."):
                        if label:
                            self.labels.add(label + m.group(1))
                    else:
                        label = m.group(1)
                        self.labels.add(label)
        # Field names: what procfs prints, and the kernel log's vmstat and OOM lines.
        printers = "\n".join(t for f, t in self.text.items()
                             if re.match(r"kernel/fs/proc/procfs\w*\.c$", f) or f in ("mm/vmstat.c", "mm/oom.c"))
        literals = re.findall(r'"((?:\\.|[^"\\\n])*)"', printers)
        self.proc_strings = {w for lit in literals for w in re.findall(r"[A-Za-z_][\w()]*", lit)}
        self.make_targets, self.make_vars = set(), set()
        for f in ("Makefile", "user/user.mk", "tests/host/host.mk"):
            t = self.text.get(f, "")
            for m in re.finditer(r"^([\w .-]+?)\s*:(?!=)", t, re.M):
                self.make_targets.update(m.group(1).split())
            for m in re.finditer(r"^\.PHONY\s*:(.*)$", t, re.M):
                self.make_targets.update(m.group(1).split())
            self.make_vars.update(re.findall(r"^(\w+)\s*[?:+]?=", t, re.M))
            self.make_vars.update(re.findall(r"\$\((\w+)\)", t))
        self.mm_commands = set(re.findall(r'super\(\).__init__\("([\w-]+)"', self.text.get("scripts/gdb/mm.py", "")))
        self.proc = self._proc_table(self.text.get("kernel/fs/proc/procfs.c", ""))
        self.tools = {os.path.basename(f)[:-2] for f in self.files if re.match(r"user/\w+\.c$", f)}
        self.tests = {os.path.splitext(os.path.basename(f))[0] for f in self.files if re.match(r"tests/user/\w+\.(c|txt)$", f)}
        self.labs = {os.path.basename(f)[:-2] for f in self.files if re.match(r"docs/tour/labs/\w+\.c$", f)}

    @staticmethod
    def _proc_table(src):
        """proc_entries[] of kernel/fs/proc/procfs.c as {PE_ key: (name, parent key)}."""
        return {m.group(1): (m.group(3), m.group(4))
                for m in re.finditer(r'\[PE_(\w+)\]\s*=\s*\{\s*(NULL|"([^"]*)")\s*,\s*PE_(\w+)', src)}

    def function_exists(self, name):
        return name in self.called or name in self.labels

    def proc_ok(self, path):
        """True when /proc/a/b/c is in the table; a number, PID, N or self is the PID directory."""
        parent = "ROOT"
        for part in [p for p in path.split("/") if p][1:]:
            if parent == "ROOT" and (part.isdigit() or part in ("PID", "self", "N")):
                parent = "PID"
                continue
            match = [k for k, (n, p) in self.proc.items() if p == parent and n == part]
            if not match:
                return False
            parent = match[0]
        return True


def expand_braces(path):
    m = re.search(r"\{([^{}]*)\}", path)
    if not m:
        return [path]
    return [x for alt in m.group(1).split(",") for x in expand_braces(path[:m.start()] + alt + path[m.end():])]


def code_blocks(text):
    return re.findall(r"^```[^\n]*\n(.*?)^```", text, re.S | re.M)


def backticks(text):
    """Inline code spans outside fenced blocks, with their start offsets."""
    stripped = re.sub(r"^```.*?^```", lambda m: " " * len(m.group(0)), text, flags=re.S | re.M)
    return [(m.group(1), m.start()) for m in re.finditer(r"`([^`\n]+)`", stripped)]


def expr_words(expr):
    """The identifiers of a gdb expression to look up: no $vars, numbers, strings, keywords, members after '.'/'->'."""
    expr = re.sub(r'"(?:\\.|[^"\\])*"', " ", expr)
    expr = re.sub(r"'([\w/.-]+\.c)'::", " ", expr)
    out = []
    for m in re.finditer(r"(\$?)\b([A-Za-z_]\w*)", expr):
        if m.group(1) or m.group(2) in C_WORDS:
            continue
        before = expr[:m.start()]
        if re.search(r"0[xX][0-9a-fA-F]*$", before):
            continue
        out.append(m.group(2))
    return out


class Checker:
    def __init__(self, tree, gdb_commands):
        self.t = tree
        self.gdb_commands = gdb_commands

    def check(self, doc):
        text = open(os.path.join(self.t.root, doc)).read()
        tour = doc.startswith("docs/tour/")
        problems = []
        spans = backticks(text)
        blocks = code_blocks(text)
        self.files(doc, text, spans, blocks, problems)
        self.functions(text, spans, problems)
        self.gdb(spans, blocks, tour, problems)
        self.make(spans, blocks, problems)
        self.tools(text, blocks, problems)
        self.procfs(text, spans, problems)
        if tour:
            self.tour_identifiers(text, spans, problems)
        return sorted(set(problems))

    # ---------------------------------------------------------------- files
    def path_ok(self, doc, path):
        path = path.rstrip(".,:;)")
        if SEED.fullmatch(path):  # a textbook chapter of the course, beside the repository
            seeds = os.path.join(self.t.root, SEEDS_DIR)
            return not os.path.isdir(seeds) or os.path.exists(os.path.join(seeds, path))
        if "/" not in path and path.endswith(".txt"):
            return True  # a file of the ESP (cmdline.txt) or of a test directory, named alone
        if path in LINUX_FILES or path.startswith(("build/", "/", "~")) or re.search(r"[A-Z]{3,}", path):
            return True
        if "*" in path:
            return bool(glob.glob(os.path.join(self.t.root, path)))
        if "/" not in path:
            return path in self.t.basenames
        if path.split("/")[0] not in self.t.dirs and not path.startswith(".."):
            return True  # a Linux path (fs/proc/...): no such directory here
        for base in (self.t.root, os.path.join(self.t.root, os.path.dirname(doc))):
            if os.path.exists(os.path.normpath(os.path.join(base, path))):
                return True
        return False

    def files(self, doc, text, spans, blocks, problems):
        pat = re.compile(rf"(?<![\w/.~-])((?:\.\./|[\w.-]+/)*[\w*-]+\.{PATH_EXT})\b")
        for span, _ in spans:
            for m in pat.finditer(span):
                if not self.path_ok(doc, m.group(1)):
                    problems.append(f"no such file: {m.group(1)}")
        for block in blocks:
            for m in re.finditer(rf"(?<![\w/.~-])((?:[\w.-]+/)+[\w*-]+\.{PATH_EXT})\b", block):
                if not self.path_ok(doc, m.group(1)):
                    problems.append(f"no such file: {m.group(1)}")
        for m in re.finditer(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            link = m.group(1)
            if re.match(r"\w+://", link):
                continue
            if not os.path.exists(os.path.normpath(os.path.join(self.t.root, os.path.dirname(doc), link))):
                problems.append(f"broken link: {link}")

    # ---------------------------------------------------------------- functions
    def functions(self, text, spans, problems):
        for span, _ in spans:
            m = re.match(rf"^((?:[\w.-]+/)*[\w-]+\.{PATH_EXT}): ([A-Za-z_][\w.]*)$", span)
            if not m:
                continue
            path, name = m.groups()
            if path in LINUX_FILES:
                continue
            body = self.t.text.get(path)
            if body is None:
                problems.append(f"`{span}`: no source file {path}")
            elif not re.search(rf"(?<![\w.]){re.escape(name.split('.')[-1])}\b", body):
                problems.append(f"`{span}`: {name} is not in {path}")
        for m in re.finditer(r"\b([A-Za-z_]\w*)\(\)", text):
            if not self.t.function_exists(m.group(1)):
                problems.append(f"{m.group(1)}(): no such function in the sources")

    # ---------------------------------------------------------------- gdb
    def gdb_line(self, line, where, problems):
        line = line.strip()
        if not line:
            return
        word = re.match(r"[\w-]+", line)
        if not word:
            return
        cmd = word.group(0)
        rest = line[word.end():]
        if rest.startswith("/"):
            rest = re.sub(r"^/\w+", "", rest)
        if cmd not in self.gdb_commands and cmd not in GDB_BLOCK_WORDS:
            problems.append(f"{where}: `{cmd}` is not a gdb command")
            return
        args = rest.strip()
        if cmd in GDB_BREAKS and args:
            loc, _, cond = args.partition(" if ")
            loc = loc.split()[0] if loc.split() else ""
            if loc and not loc.startswith("*") and not re.match(r"^[\w./-]+:\d+$", loc) and not loc.isupper():
                if not self.t.function_exists(loc):
                    problems.append(f"{where}: breakpoint on `{loc}`: no such function in the sources")
            self.expr(cond, where, problems)
        elif cmd in GDB_EXPRS:
            self.expr(args, where, problems)
        elif cmd == "info" and args.startswith("symbol"):
            self.expr(args[len("symbol"):], where, problems)

    def expr(self, expr, where, problems):
        for w in expr_words(expr):
            if w.isupper() and len(w) <= 3:
                continue  # a placeholder: VA, PID, CR3, N
            if w not in self.t.words:
                problems.append(f"{where}: `{w}` is not in the sources")

    def gdb(self, spans, blocks, tour, problems):
        for block in blocks:
            for line in block.splitlines():
                m = re.match(r"^(?:\(gdb\) | >)(.*)$", line)
                if not m:
                    continue
                cmd = m.group(1)
                if re.search(r"\s#", cmd):
                    if tour:
                        problems.append(f"gdb line with a trailing comment (not pasteable): {line.strip()}")
                    cmd = re.sub(r"\s+#.*$", "", cmd)
                self.gdb_line(cmd, f"gdb `{cmd.strip()}`", problems)
        known = GDB_BREAKS | {"ptwalk", "vmas", "pageinfo", "pftrace", "faultbreak", "p/x", "print"}
        for span, _ in spans:
            first = span.split(" ", 1)[0]
            if span.startswith("(gdb) "):
                self.gdb_line(span[6:], f"`{span}`", problems)
            elif first in known and " " in span:
                self.gdb_line(span, f"`{span}`", problems)

    # ---------------------------------------------------------------- make
    def make(self, spans, blocks, problems):
        sources = [s for s, _ in spans] + [l for b in blocks for l in b.splitlines()]
        for src in sources:
            for m in re.finditer(r"(?:^|[\s|;&(`$])make((?:\s+[^\s|;&<>#`]+)*)", src):
                try:
                    words = shlex.split(m.group(1))
                except ValueError:
                    words = m.group(1).split()
                for w in words:
                    if w.startswith("-") or "..." in w or re.fullmatch(r"[A-Z]+", w):
                        continue
                    if "=" in w:
                        var = w.split("=", 1)[0]
                        if var not in self.t.make_vars:
                            problems.append(f"`make ... {w}`: no make variable {var}")
                    elif re.fullmatch(r"[a-z][\w-]*", w) and w not in self.t.make_targets:
                        problems.append(f"`make {w}`: no such make target")

    # ---------------------------------------------------------------- tools
    def program_ok(self, path):
        m = re.fullmatch(r"/(bin|tests)/(\w+)", path)
        if not m:
            return True
        kind, name = m.groups()
        if name.isupper() or name in ("prog",):
            return True
        return name in (self.t.tools | self.t.labs) if kind == "bin" else name in self.t.tests

    def guest_command(self, cmd, where, problems):
        words = cmd.strip().split()
        if not words:
            return
        first = words[0]
        if first.startswith("/") or first.startswith("./"):
            if not self.program_ok(first.lstrip(".")):
                problems.append(f"{where}: no program {first}")
        elif first not in self.t.tools | self.t.labs | SHELL_BUILTINS:
            problems.append(f"{where}: `{first}` is not a user tool (user/{first}.c)")

    def tools(self, text, blocks, problems):
        for m in re.finditer(r"(?<![\w.])/(?:bin|tests)/\w+", text):
            if not self.program_ok(m.group(0)):
                problems.append(f"no program {m.group(0)} in the initrd's sources")
        for block in blocks:
            for line in block.splitlines():
                if not line.startswith("$ "):
                    continue
                cmd = line[2:]
                pm = re.match(r"printf '([^']*)' \| make (run|debug)", cmd)
                if pm and pm.group(2) == "run":
                    for guest in pm.group(1).split("\\n"):
                        self.guest_command(guest.replace("%%", "%"), f"`{guest.strip()}`", problems)
                    continue
                first = cmd.split()[0] if cmd.split() else ""
                if first in HOST_COMMANDS or pm:
                    continue
                self.guest_command(re.sub(r"\s+#.*$", "", cmd), f"`{cmd.strip()}`", problems)

    # ---------------------------------------------------------------- /proc
    def procfs(self, text, spans, problems):
        for m in re.finditer(r"(?<![\w.])/proc(?:/(?:\{[\w,]+\}|[\w*<>-]+))*", text):
            for path in expand_braces(m.group(0)):
                if "*" in path or "<" in path:
                    continue
                if not self.t.proc_ok(path):
                    problems.append(f"{path}: not in kernel/fs/proc/procfs.c's proc_entries[]")
        for span, _ in spans:
            if PROC_FIELD.match(span) and span not in self.t.proc_strings and not self.t.function_exists(span):
                problems.append(f"`{span}`: no /proc file prints this field")

    # ---------------------------------------------------------------- tour
    def tour_identifiers(self, text, spans, problems):
        for span, pos in spans:
            if not re.fullmatch(r"[a-z_][a-z0-9_]*", span) or "_" not in span:
                continue
            if "Linux" in text[max(0, pos - 40):pos]:
                continue
            if span not in self.t.words:
                problems.append(f"`{span}`: not a word of the sources (write \"Linux: `{span}`\" if it is Linux's)")


def known_gdb_commands(root, candidates):
    """The subset of @candidates that gdb (with mm.py) accepts as commands."""
    gdb = shutil.which("gdb")
    if not gdb:
        return set(candidates) & (GDB_STATIC | {"thbreak", "faultbreak", "pftrace", "vmas", "pageinfo", "ptwalk"})
    script = ("import gdb\n"
              f"gdb.execute('source {os.path.join(root, 'scripts/gdb/mm.py')}')\n"
              f"for w in {sorted(candidates)!r}:\n"
              "    try:\n"
              "        gdb.execute('help ' + w, to_string=True)\n"
              "        print('OK ' + w)\n"
              "    except gdb.error:\n"
              "        pass\n")
    out = subprocess.run([gdb, "-nx", "-batch", "-ex", "python\n" + script + "\nend"],
                         capture_output=True, text=True, timeout=60).stdout
    return set(re.findall(r"^OK (\S+)$", out, re.M))


def gdb_candidates(root, docs):
    """Every first word of a gdb line or backticked gdb command in @docs."""
    words = set()
    for doc in docs:
        text = open(os.path.join(root, doc)).read()
        for block in code_blocks(text):
            words.update(re.findall(r"^(?:\(gdb\) | >)\s*([\w-]+)", block, re.M))
        for span, _ in backticks(text):
            m = re.match(r"^(?:\(gdb\) )?([\w-]+)", span)
            if m:
                words.add(m.group(1))
    return words


def doc_files(root):
    return sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "docs", "*.md")) +
                  glob.glob(os.path.join(root, "docs", "tour", "*.md")))


def run(build_or_root, results):
    """For tests/run_tests.py: one result per doc file, suite "docs"."""
    root = ROOT
    docs = doc_files(root)
    tree = Tree(root)
    checker = Checker(tree, known_gdb_commands(root, gdb_candidates(root, docs)) | tree.mm_commands)
    if not docs:
        results.add("docs", "files", False, "no docs/*.md found")
    if not tree.proc:
        results.add("docs", "procfs_table", False, "no proc_entries[] entries read from kernel/fs/proc/procfs.c")
    for doc in docs:
        problems = checker.check(doc)
        results.add("docs", os.path.relpath(doc, "docs"), not problems, "\n".join(problems))


class _Print:
    def __init__(self):
        self.failed = 0

    def add(self, suite, name, ok, detail=""):
        self.failed += not ok
        print(f"{'PASS' if ok else 'FAIL'} {suite}/{name}" + (f": {detail}" if detail and not ok else ""), flush=True)


if __name__ == "__main__":
    r = _Print()
    run(None, r)
    sys.exit(1 if r.failed else 0)
