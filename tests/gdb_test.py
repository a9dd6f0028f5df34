"""tests/gdb_test.py - real gdb against real QEMU (part of `make test`).

Boots the real image halted with QEMU's gdb stub, then gdb in batch mode:
  1. a hardware breakpoint on kernel_main is hit and gdb shows its source file
     (what `make debug` relies on);
  2. a breakpoint in mm_print_summary, which runs after the kernel loaded its
     own page tables: CR3 read through gdb must equal the PML4 physical address
     the kernel printed on the serial console.
"""
import os
import re
import socket
import subprocess

import run_tests

MEM = "256M"
TIMEOUT = 180


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(build, results):
    test = dict(name="gdb_cr3", mem=MEM, cmdline="")
    img = run_tests.make_image(build, test)
    port = free_port()
    log_path = os.path.join(build, "test", "gdb_cr3.serial.log")
    env = dict(os.environ, MEM=MEM, QEMUFLAGS="")
    qemu = subprocess.Popen(run_tests.qemu_cmd(img, MEM, ["-S", "-gdb", f"tcp:127.0.0.1:{port}"]),
                            stdout=open(log_path, "wb"), stderr=subprocess.STDOUT, env=env)
    gdb_cmds = [
        "set confirm off", "set pagination off",
        f"file {os.path.join(build, 'kernel.elf')}",
        f"target remote 127.0.0.1:{port}",
        "hbreak kernel_main", "continue", "info symbol $pc", "info line *$pc",
        "delete", "hbreak mm_print_summary", "continue",
        "printf \"CR3=%lx\\n\", $cr3",
        "kill",
    ]
    args = ["gdb", "-nx", "-batch"] + [a for c in gdb_cmds for a in ("-ex", c)]
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT).stdout
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        out += "\n(gdb timed out)"
    finally:
        qemu.kill()
        qemu.wait()
    serial = open(log_path, errors="replace").read()

    at_entry = re.search(r"kernel_main in section \.text", out) and re.search(r"kernel/main\.c", out)
    results.add("gdb", "break_kernel_main_with_source", bool(at_entry), "gdb said:\n" + out[-2000:])
    got = re.search(r"CR3=([0-9a-f]+)", out)
    logged = re.search(r"kernel PML4 at phys 0x([0-9a-f]+)", serial)
    ok = bool(got and logged and (int(got.group(1), 16) & ~0xfff) == int(logged.group(1), 16))
    results.add("gdb", "cr3_equals_logged_pml4", ok,
                f"gdb CR3={got.group(1) if got else None}, kernel logged "
                f"{logged.group(1) if logged else None}\n" + out[-2000:])
