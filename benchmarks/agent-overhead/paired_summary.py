#!/usr/bin/env python3
"""Summarises paired.sh (paired-<jdk>-<config>-<round>.json from PairedEcBenchmark).

Measured iteration k took the instrumented JCA path when k is even and the provider's SPI when k
is odd. Each SPI iteration is compared with the mean of the JCA iterations on either side of it,
which cancels a load that drifts linearly over those three seconds; the figure per configuration
is the median of these ratios over all rounds. Usage: paired_summary.py OUTDIR JDK"""
import glob
import json
import statistics
import sys

out, jdk = sys.argv[1], sys.argv[2]
ratios, paths = {}, {}
for f in sorted(glob.glob(f"{out}/paired-{jdk}-*-*.json")):
    config = f.rsplit("/", 1)[1].split("-")[2]
    for r in json.load(open(f)):
        for fork in r["primaryMetric"]["rawData"]:
            jca, spi = fork[0::2], fork[1::2]
            paths.setdefault(config, ([], []))
            paths[config][0].extend(jca)
            paths[config][1].extend(spi)
            for i in range(len(spi)):
                if i + 1 < len(jca):
                    ratios.setdefault(config, []).append((jca[i] + jca[i + 1]) / 2 / spi[i])

for config in ("none", "silent", "events"):
    if config not in ratios:
        continue
    rs = sorted(ratios[config])
    q1, q3 = rs[len(rs) // 4], rs[(3 * len(rs)) // 4]
    jca, spi = paths[config]
    print(
        f"jdk={jdk} EC P-256 {config}: instrumented path {statistics.median(jca):.1f} us, "
        f"provider SPI {statistics.median(spi):.1f} us; added by the agent's path "
        f"{(statistics.median(rs) - 1) * 100:+.2f} % (median of {len(rs)} neighbour ratios, "
        f"quartiles {(q1 - 1) * 100:+.2f} / {(q3 - 1) * 100:+.2f} %)"
    )
