#!/usr/bin/python3
"""scripts/plot.py - memory over time, drawn from a run of /bin/memsample
(user/memsample.c; make plot, docs/labs/README.md "Plots").

  plot.py LOG OUT.png [--json OUT.json] [--title TITLE]

LOG is a serial log holding MEMSAMPLE lines. The picture has three panels:
memory (free, available, page cache, swap used, in MiB, with the min/low/high
watermarks as lines when the run logged them), page faults and swap traffic
per second, and pages scanned per second by kswapd and by direct reclaim.
--json writes the very series drawn, for tests and for other tools.
Runs with Debian's python3 and python3-matplotlib (the Makefile installs it).
"""
import argparse
import json
import re

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SAMPLE = re.compile(r"MEMSAMPLE t_ms=(\d+)((?: \w+=-?[\d.]+)+)")
WMARKS = re.compile(r"MEMSAMPLE_WATERMARKS min=(\d+) low=(\d+) high=(\d+)")
RATES = ["pgfault", "pgmajfault", "pswpin", "pswpout"]
SCANS = ["pgscan_kswapd", "pgscan_direct"]


def parse(text):
    """The samples of @text (a list of {field: number}, t_ms included) and the
    watermarks in pages ({min, low, high}, or None)."""
    samples = []
    for m in SAMPLE.finditer(text.replace("\r", "")):
        s = {"t_ms": int(m.group(1))}
        for kv in m.group(2).split():
            k, v = kv.split("=")
            s[k] = float(v) if "." in v else int(v)
        samples.append(s)
    w = WMARKS.search(text)
    return samples, (dict(min=int(w.group(1)), low=int(w.group(2)), high=int(w.group(3))) if w else None)


def series(samples, wmarks):
    """What the picture shows, as lists over time: seconds; MiB of free, available,
    cache and swap used; per-second rates between consecutive samples (the first
    sample has none: 0); the watermarks in MiB."""
    t = [s["t_ms"] / 1000 for s in samples]
    mib = lambda kb: kb / 1024  # noqa: E731
    out = {
        "t": t,
        "free": [mib(s["MemFree"]) for s in samples],
        "available": [mib(s["MemAvailable"]) for s in samples],
        "cached": [mib(s["Cached"]) for s in samples],
        "swap_used": [mib(s["SwapTotal"] - s["SwapFree"]) for s in samples],
    }
    for key in RATES + SCANS:
        rate = [0.0]
        for a, b in zip(samples, samples[1:]):
            dt = (b["t_ms"] - a["t_ms"]) / 1000
            rate.append((b[key] - a[key]) / dt if dt > 0 else 0.0)
        out[key + "_per_s"] = rate
    out["watermarks"] = {k: v * 4 / 1024 for k, v in wmarks.items()} if wmarks else None
    return out


def draw(data, out, title):
    """The three panels of @data into the PNG @out."""
    fig, (mem, faults, scans) = plt.subplots(3, 1, sharex=True, figsize=(9, 9))
    for key, label in (("free", "free"), ("available", "available"), ("cached", "buff/cache"),
                       ("swap_used", "swap used")):
        mem.plot(data["t"], data[key], label=label)
    if data["watermarks"]:
        for key, style in (("min", ":"), ("low", "--"), ("high", "-.")):
            mem.axhline(data["watermarks"][key], color="grey", linestyle=style, label=f"watermark {key}")
    mem.set_ylabel("MiB")
    mem.legend(loc="upper right", fontsize="small")
    mem.set_title(title)
    for key in RATES:
        faults.plot(data["t"], data[key + "_per_s"], label=key)
    faults.set_ylabel("per second")
    faults.legend(loc="upper right", fontsize="small")
    for key in SCANS:
        scans.plot(data["t"], data[key + "_per_s"], label=key)
    scans.set_ylabel("pages scanned per second")
    scans.set_xlabel("seconds")
    scans.legend(loc="upper right", fontsize="small")
    fig.tight_layout()
    fig.savefig(out, dpi=80)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("log")
    ap.add_argument("out")
    ap.add_argument("--json")
    ap.add_argument("--title", default="memory over time")
    args = ap.parse_args()
    with open(args.log, errors="replace") as f:
        samples, wmarks = parse(f.read())
    if len(samples) < 2:
        raise SystemExit(f"plot.py: {args.log}: {len(samples)} MEMSAMPLE lines, need at least 2")
    data = series(samples, wmarks)
    draw(data, args.out, args.title)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(data, f)
    print(f"plot.py: {len(samples)} samples over {data['t'][-1]:.1f} s -> {args.out}")


if __name__ == "__main__":
    main()
