#!/usr/bin/python3
"""Joins SortLine's BenchmarkDotNet results with the peers' timings and prints the ratios.

Usage: compare.py <peers.json> <BenchmarkDotNet full JSON report> [--markdown]
"""
import json
import sys

# workload key in peers.json -> (BenchmarkDotNet method name, goal as peer_time / sortline_time, goal text)
WORKLOADS = {
    "line_preprocess_classify": ("LinePreprocessClassify", 50.0, ">= 50x faster than NumPy/SciPy/SPy"),
    "pls_fit": ("PlsFit", 2.0, "<= 0.5x scikit-learn's time"),
    "kmeans_fit": ("KMeansFit", None, "(no goal; reported)"),
    "als_spectrum": ("AlsSpectrum", None, "(no goal; >= 5,000 spectra/s/core on its own)"),
}


def main(peers_path, bdn_path, markdown):
    with open(peers_path) as f:
        peers = json.load(f)
    with open(bdn_path) as f:
        bdn = json.load(f)
    sortline = {}
    for b in bdn["Benchmarks"]:
        stats = b.get("Statistics") or {}
        if "Mean" in stats:
            sortline[b["Method"]] = (stats["Mean"] * 1e-9, (b.get("Memory") or {}).get("BytesAllocatedPerOperation"))
    rows = []
    failed = False
    for key, (method, goal, goal_text) in WORKLOADS.items():
        peer = peers["seconds_per_op"].get(key)
        ours = sortline.get(method)
        if peer is None or ours is None:
            rows.append((key, "missing", "", "", "", goal_text))
            failed = True
            continue
        speedup = peer / ours[0]
        met = "" if goal is None else ("met" if speedup >= goal else "NOT met")
        rows.append((key, f"{ours[0] * 1e3:.4f}", f"{peer * 1e3:.4f}", f"{ours[0] / peer:.4f}", f"{speedup:.1f}x",
                     f"{goal_text} {met}".strip()))
    header = ("workload", "SortLine ms/op", "peer ms/op", "ratio SortLine/peer", "speed-up", "goal")
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
        for r in (header, *rows):
            print("  ".join(str(x).ljust(w) for x, w in zip(r, widths)))
    print("peer versions: " + ", ".join(f"{k} {v}" for k, v in peers["versions"].items()))
    return 1 if failed else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(args[0], args[1], "--markdown" in sys.argv))
