"""tests/plot_test.py - the memory-over-time pictures (make plot; user/memsample.c,
scripts/plot.py): one boot swaps 96 MiB through 64 MiB of RAM under /bin/memsample,
then plot.py draws it. Checked: the PNG is a PNG; the series plot.py drew (its
--json) are the samples of the log, recomputed here line by line; the run shows
swapping (swap used and pswpout rise); the watermarks memsample read from
/proc/zoneinfo are the ones the kernel logged at boot."""
import json
import os
import re
import subprocess

import run_tests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOOT = dict(name="plot_memsample", mem="64M", swap="128M", timeout=300,
            cmdline='init="/bin/memsample 100 /bin/demo_swap 96 1" panic=-1')
PYTHON = "/usr/bin/python3"  # Debian's, with python3-matplotlib (scripts/deps.sh)


def problems_of(build, log):
    """What is wrong with plot.py's picture and series for the serial @log."""
    out = os.path.join(build, "test", "plot_memsample.png")
    p = subprocess.run([PYTHON, os.path.join(ROOT, "scripts", "plot.py"), log, out, "--json", out + ".json"],
                       capture_output=True, text=True)
    if p.returncode:
        return [f"plot.py failed: {p.stderr.strip()[-500:]}"]
    with open(out, "rb") as f:
        if f.read(8) != b"\x89PNG\r\n\x1a\n":
            return ["not a PNG"]
    with open(out + ".json") as f:
        data = json.load(f)
    with open(log, errors="replace") as f:
        text = f.read()
    lines = re.findall(r"MEMSAMPLE t_ms=(\d+) .*?MemFree=(\d+) .*?SwapTotal=(\d+) SwapFree=(\d+) .*?pswpout=(\d+)",
                       text)
    problems = []
    if len(lines) < 5 or len(data["t"]) != len(lines):
        problems.append(f"{len(lines)} samples in the log, {len(data['t'])} drawn")
    for i, (t, free, total, sfree, _) in enumerate(lines[:len(data["t"])]):
        if data["t"][i] != int(t) / 1000 or data["free"][i] != int(free) / 1024 or \
                data["swap_used"][i] != (int(total) - int(sfree)) / 1024:
            problems.append(f"sample {i}: drawn {data['t'][i]}, {data['free'][i]}, {data['swap_used'][i]}")
            break
    if not max(data["swap_used"]) > 0 or not max(data["pswpout_per_s"]) > 0:
        problems.append("no swapping drawn")
    w = re.search(r"watermarks min (\d+) low (\d+) high (\d+) pages", text)
    z = re.search(r"MEMSAMPLE_WATERMARKS min=(\d+) low=(\d+) high=(\d+)", text)
    if not w or not z or w.groups() != z.groups():
        problems.append(f"watermarks: boot log {w and w.groups()}, /proc/zoneinfo {z and z.groups()}")
    return problems


def run(build, results):
    text, code, timed_out = run_tests.run_boot(build, BOOT)
    log = os.path.join(build, "test", BOOT["name"] + ".log")
    if timed_out or code != 0 or "memsample:" not in text:
        results.add("plot", "memsample", False, f"the boot: exit {code}, timed out {timed_out}")
        return
    problems = problems_of(build, log)
    results.add("plot", "memsample", not problems, "; ".join(problems))
