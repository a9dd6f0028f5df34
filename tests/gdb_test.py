"""tests/gdb_test.py - real gdb against real QEMU (part of `make test`).

Boots the real image halted with QEMU's gdb stub, then gdb in batch mode:
  1. a hardware breakpoint on kernel_main is hit and gdb shows its source file
     (what `make debug` relies on);
  2. a breakpoint in mm_print_summary, which runs after the kernel loaded its
     own page tables: CR3 read through gdb must equal the PML4 physical address
     the kernel printed on the serial console.
A second boot runs /tests/pf_target, which faults twice at PF_TARGET:
  3. a breakpoint on handle_page_fault, conditional on CR2 (the way README's
     "Debugging" section shows), stops at the demand-zero fault: CR2 is the
     address, the trap frame's error code is 0x6 (write, user, not present) and
     the classifier decides FAULT_DEMAND_PAGE; continued, the child's
     copy-on-write fault stops next: error code 0x7 (present too), FAULT_COW;
     continued again, the program exits 0 and QEMU with it;
  4. at each stop scripts/gdb/mm.py's ptwalk shows the address's page table
     entry before and after the fault (not present, then RW; read-only, then RW
     on a new frame), and its vmas, pageinfo and pftrace show the mapping, the
     page and the two faults.
Both boots have MEM of RAM, no swap disk (SWAP) and TIMEOUT seconds for gdb.
"""
import os
import re
import socket
import subprocess

import run_tests

MEM = "256M"
SWAP = None  # no swap disk (run_tests.qemu_cmd)
TIMEOUT = 180


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PF_TARGET = 0x10000000  # tests/user/pf_target.c


def session(build, name, cmdline, commands):
    """Boot the image halted with `cmdline`, run gdb in batch mode with `commands`
    after connecting; returns (gdb's output, the serial log)."""
    test = dict(name=name, mem=MEM, swap=SWAP, timeout=TIMEOUT, cmdline=cmdline)
    img = run_tests.make_image(build, test)
    port = free_port()
    log_path = os.path.join(build, "test", name + ".serial.log")
    env = dict(os.environ, MEM=MEM, QEMUFLAGS="")
    qemu = subprocess.Popen(run_tests.qemu_cmd(img, MEM, ["-S", "-gdb", f"tcp:127.0.0.1:{port}"], swap=SWAP),
                            stdout=open(log_path, "wb"), stderr=subprocess.STDOUT, env=env)
    gdb_cmds = ["set confirm off", "set pagination off",
                f"file {os.path.join(build, 'kernel.elf')}",
                f"target remote 127.0.0.1:{port}"] + commands
    args = ["gdb", "-nx", "-batch"] + [a for c in gdb_cmds for a in ("-ex", c)]
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT).stdout
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        out += "\n(gdb timed out)"
    finally:
        qemu.kill()
        qemu.wait()
    return out, open(log_path, errors="replace").read()


def dot_ok(dot, leaf):
    """Whether the Graphviz file ptdot wrote for [PF_TARGET, +16 KiB) shows the
    four tables of the walk and the one page there, the frame ptwalk found
    after the second fault (@leaf: its PT entry), and whether dot draws it."""
    if not leaf or not os.path.exists(dot):
        return False
    with open(dot) as f:
        text = f.read()
    tables = re.findall(r'label="\{(PML4|PDPT|PD|PT)\|0x[0-9a-f]+\}"', text)
    frames = re.findall(r'label="\{frame (0x[0-9a-f]+)\|VA (0x[0-9a-f]+)', text)
    png = dot + ".png"
    drawn = subprocess.run(["dot", "-Tpng", dot, "-o", png]).returncode == 0
    return (sorted(tables) == ["PD", "PDPT", "PML4", "PT"] and
            frames == [(hex(leaf[0] >> 12 & 0xffffffffff), hex(PF_TARGET))] and
            drawn and open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n")


def run_page_fault(build, results):
    """Tests 3 and 4: stop in the page-fault handler on a chosen address, twice,
    and walk the address through the page tables before and after each fault."""
    def stop(n):
        return [
            "continue",  # in handle_page_fault
            "printf \"CR2=%lx\\n\", $cr2",
            "printf \"ERR=%lx\\n\", f->error_code",
            f"echo ==before {n}==\\n", f"ptwalk {PF_TARGET:#x}",
            "continue",  # in classify_fault, called by it
            "finish",    # prints the decision
            "finish",    # to the end of handle_page_fault
            f"echo ==after {n}==\\n", f"ptwalk {PF_TARGET:#x}", "echo ==end==\\n",
            "set $pa = (unsigned long)$_ptwalk_pa",
        ]
    dot = os.path.join(build, "test", "gdb_pf.dot")
    out, serial = session(build, "gdb_pf", 'console=ttyS0 fault_trace=on init="/tests/pf_target"', [
        "source scripts/gdb/mm.py",
        f"faultbreak {PF_TARGET:#x}",
        f"hbreak classify_fault if $cr2 == {PF_TARGET:#x}",
        *stop(1), *stop(2),
        f"ptdot {dot} {PF_TARGET:#x} {PF_TARGET + 0x4000:#x}",
        "echo ==vmas==\\n", "vmas", "echo ==pageinfo==\\n", "pageinfo $pa >> 12",
        "echo ==pftrace==\\n", "pftrace 3", "echo ==end==\\n",
        "delete", "continue",
    ])
    stops = re.findall(r"CR2=([0-9a-f]+)\nERR=([0-9a-f]+)", out)
    decided = re.findall(r"Value returned is \$\d+ = (FAULT_\w+)", out)
    want = [(f"{PF_TARGET:x}", "6"), (f"{PF_TARGET:x}", "7")]
    results.add("gdb", "page_fault_cr2_and_error_code", stops == want,
                f"stops {stops}, expected {want}\n" + out[-3000:])
    results.add("gdb", "page_fault_classified", decided == ["FAULT_DEMAND_PAGE", "FAULT_COW"],
                f"classify_fault returned {decided}\n" + out[-3000:])
    walks = {m.group(1): m.group(2) for m in re.finditer(r"==([\w ]+?)==\n(.*?)(?===)", out, re.S)}
    pt = {k: re.search(r"^  PT +\[ *\d+\] at 0x[0-9a-f]+: 0x([0-9a-f]+)  (.*)", v, re.M) for k, v in walks.items()}
    leaf = {k: (int(m.group(1), 16), m.group(2)) if m else None for k, m in pt.items()}
    ok = (bool(re.search(r"never touched|no table below", walks.get("before 1", "")))
          and leaf.get("after 1") and "RW" in leaf["after 1"][1].split()
          and leaf.get("before 2") and "RW" not in leaf["before 2"][1].split()
          and leaf.get("after 2") and "RW" in leaf["after 2"][1].split()
          and leaf["after 2"][0] & ~0xfff != leaf["before 2"][0] & ~0xfff)
    tools = (re.search(rf"{PF_TARGET:012x}-{PF_TARGET + 4096:012x} rw-p VMA_ANON", walks.get("vmas", ""))
             and re.search(r"refcount 1, mapcount 1", walks.get("pageinfo", ""))
             and re.search(r"on the inactive list", walks.get("pageinfo", ""))
             and re.search(rf"{PF_TARGET:16x} +[0-9a-f]+ 0x07 FAULT_COW", walks.get("pftrace", "")))
    results.add("gdb", "vmas_pageinfo_pftrace", bool(tools), f"{walks}\n" + out[-3000:])
    results.add("gdb", "ptwalk_before_and_after_faults", bool(ok),
                "demand: not present, then RW; COW: read-only, then RW on a new frame\n"
                f"{walks}\n" + out[-3000:])
    results.add("gdb", "ptdot_picture", dot_ok(dot, leaf.get("after 2")), out[-2000:])
    results.add("gdb", "page_fault_program_ok", "power off" in serial and "exit status 0" in serial,
                serial[-2000:])


def run(build, results):
    out, serial = session(build, "gdb_cr3", "", [
        "hbreak kernel_main", "continue", "info symbol $pc", "info line *$pc",
        "delete", "hbreak mm_print_summary", "continue",
        "printf \"CR3=%lx\\n\", $cr3",
        "kill",
    ])

    at_entry = re.search(r"kernel_main in section \.text", out) and re.search(r"kernel/main\.c", out)
    results.add("gdb", "break_kernel_main_with_source", bool(at_entry), "gdb said:\n" + out[-2000:])
    got = re.search(r"CR3=([0-9a-f]+)", out)
    logged = re.search(r"kernel PML4 at phys 0x([0-9a-f]+)", serial)
    ok = bool(got and logged and (int(got.group(1), 16) & ~0xfff) == int(logged.group(1), 16))
    results.add("gdb", "cr3_equals_logged_pml4", ok,
                f"gdb CR3={got.group(1) if got else None}, kernel logged "
                f"{logged.group(1) if logged else None}\n" + out[-2000:])
