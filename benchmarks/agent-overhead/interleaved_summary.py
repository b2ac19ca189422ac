#!/usr/bin/env python3
"""Medians of interleaved.sh rounds (jmh-<jdk>-<config>-<round>-<bench>.json) per configuration.

Two estimators: the median of the per-run JMH scores (each the mean of 5 one-second iterations),
and the median of every one-second iteration pooled over the rounds. This host has one- and
two-second disturbances of +10-15 % in every configuration; a run's mean takes them in, the
pooled median does not. Usage: interleaved_summary.py OUTDIR JDK"""
import glob
import json
import statistics
import sys

out, jdk = sys.argv[1], sys.argv[2]
runs, iterations = {}, {}
for f in glob.glob(f"{out}/jmh-{jdk}-*-*.json"):
    config = f.rsplit("/", 1)[1].split("-")[2]
    for r in json.load(open(f)):
        bench = r["benchmark"].rsplit(".", 1)[1]
        runs.setdefault((bench, config), []).append(r["primaryMetric"]["score"])
        for fork in r["primaryMetric"]["rawData"]:
            iterations.setdefault((bench, config), []).extend(fork)


def medians(values):
    return {c: statistics.median(values.get((bench, c), [float("nan")])) for c in ("none", "silent", "events")}


for bench in ("aes256GenerateKey", "ecP256GenerateKeyPair"):
    if not any(b == bench for b, _ in runs):
        continue  # not in this run (BENCHES)
    unit = "ns" if bench.startswith("aes") else "us"
    for label, values in (("run medians", runs), ("pooled iteration medians", iterations)):
        med = medians(values)
        added = med["events"] - med["none"]
        print(
            f"jdk={jdk} {bench} {label} {unit}/op: none={med['none']:.1f} silent={med['silent']:.1f} "
            f"events={med['events']:.1f} added_silent={med['silent'] - med['none']:+.1f} "
            f"added_events={added:+.1f} ({added / med['none'] * 100:+.1f} %)"
        )
    for c in ("none", "silent", "events"):
        print(f"  {c} runs: " + " ".join(f"{v:.1f}" for v in sorted(runs.get((bench, c), []))))
