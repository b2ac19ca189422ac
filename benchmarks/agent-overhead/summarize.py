#!/usr/bin/env python3
"""Turns run.sh results (jmh-<jdk>-<config>.json, startup-<jdk>.txt) into the markdown table of
docs/benchmarks.md. Usage: summarize.py RESULTS_DIR [RESULTS_DIR...]"""
import json
import os
import re
import sys

BENCHES = [
    ("aes256GenerateKey", "AES-256 generateKey"),
    ("ecP256GenerateKeyPair", "EC P-256 generateKeyPair"),
    ("rsa2048GenerateKeyPair", "RSA-2048 generateKeyPair"),
    ("secureRandomNextBytes32", "SecureRandom.nextBytes(32), no key generation"),
]
CONFIGS = ["none", "silent", "events"]


def load(path):
    out = {}
    with open(path) as f:
        for r in json.load(f):
            name = r["benchmark"].rsplit(".", 1)[1]
            p = r["primaryMetric"]
            alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
            out[name] = (p["score"], p["scoreError"], p["scoreUnit"], alloc)
    return out


def fmt(v, err):
    return f"{v:,.1f} ± {err:,.1f}" if v < 100 else f"{v:,.0f} ± {err:,.0f}"


for d in sys.argv[1:]:
    files = os.listdir(d)
    jdks = sorted({m.group(1) for f in files
                   if (m := re.match(r"(?:jmh|startup)-(\d+)(?:-none\.json|\.txt)$", f))})
    for jdk in jdks:
        res = {c: load(os.path.join(d, f"jmh-{jdk}-{c}.json")) for c in CONFIGS
               if os.path.exists(os.path.join(d, f"jmh-{jdk}-{c}.json"))}
        print(f"\n**JDK {jdk}**\n")
        if len(res) < len(CONFIGS):
            res = {}
        else:
            print("| benchmark | unit | no agent | agent, emitting nothing | agent, full events | added (nothing / events) | B/op (none / nothing / events) |")
            print("|---|---|---|---|---|---|---|")
        for key, label in BENCHES:
            if key not in res.get("none", {}):
                continue
            cells, allocs = [], []
            for c in CONFIGS:
                s, e, unit, a = res[c][key]
                cells.append(fmt(s, e))
                allocs.append("-" if a is None else f"{a:,.0f}")
            base = res["none"][key][0]
            added = [res[c][key][0] - base for c in ("silent", "events")]
            rel = " / ".join(f"{x:+,.1f} ({x / base * 100:+.0f} %)" for x in added)
            print(f"| {label} | {unit} | {' | '.join(cells)} | {rel} | {' / '.join(allocs)} |")
        for name in (f"cpu-{jdk}.txt", f"startup-{jdk}.txt"):
            path = os.path.join(d, name)
            if os.path.exists(path):
                print()
                for line in open(path):
                    print(f"    {line.rstrip()}")
