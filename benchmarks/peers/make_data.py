#!/usr/bin/python3
"""Writes the shared workload data for the SortLine-vs-peers comparison (benchmarks/peers/README.md).

Both sides read exactly these bytes: raw little-endian arrays plus manifest.json with shapes and
parameters. Deterministic (fixed seed), built from the real USGS spectra in data/swir-library.
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
MINERALS = [
    "lepidolite_hs167.3b_asdfrb_aref.csv",
    "albite_hs143.3b_plagioclase_asdfrc_aref.csv",
    "quartz_hs32.3b_asdfrc_aref.csv",
    "muscovite_hs146.3b_asdfra_aref.csv",
]
PIXELS, BANDS, LINES = 384, 288, 32
CLASSES = 5  # four minerals + belt background


def library(wavelengths):
    rows = []
    for name in MINERALS:
        a = np.loadtxt(os.path.join(REPO, "data", "swir-library", name), delimiter=",", skiprows=1)
        rows.append(np.interp(wavelengths, a[:, 0], a[:, 1]))
    rows.append(np.full_like(wavelengths, 0.05))  # dark rubber belt
    return np.array(rows)


def mixtures(rng, lib, n):
    labels = rng.integers(0, CLASSES, n)
    abundance = rng.dirichlet(np.full(CLASSES, 0.3), n) * 0.3
    abundance[np.arange(n), labels] += 0.7
    x = abundance @ lib
    x *= rng.uniform(0.8, 1.2, (n, 1))  # illumination/geometry
    x += rng.normal(0, 0.005, x.shape)
    return x, labels


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(20261123)
    wl = np.linspace(900.0, 2500.0, BANDS)
    lib = library(wl)

    # One SWIR line workload: DN = dark + gain * R + noise, 12-bit.
    dark = rng.uniform(180, 220, (PIXELS, BANDS))
    gain = rng.uniform(3000, 3600, (PIXELS, BANDS))
    white = dark + gain
    refl, _ = mixtures(rng, lib, LINES * PIXELS)
    raw = np.clip(np.rint(dark[None] + gain[None] * refl.reshape(LINES, PIXELS, BANDS)
                          + rng.normal(0, 4, (LINES, PIXELS, BANDS))), 0, 4095).astype("<u2")
    weights = rng.normal(0, 0.5, (CLASSES, BANDS))
    intercept = rng.normal(0, 0.1, CLASSES)

    # PLS: 20,000 x 288 spectra, one-hot 5 classes.
    x_pls, y_pls = mixtures(rng, lib, 20000)
    # K-means: 20,000 x 17 features (the PLS x-scores' dimensionality in the document).
    centres = rng.normal(0, 3, (CLASSES, 17))
    lab = rng.integers(0, CLASSES, 20000)
    x_km = centres[lab] + rng.normal(0, 1, (20000, 17))
    init_km = x_km[rng.choice(20000, CLASSES, replace=False)]
    # ALS: 8,192-channel LIBS-like spectra: Lorentzian lines on a smooth continuum, with noise.
    ch = np.arange(8192, dtype=float)
    als = np.empty((16, 8192))
    for i in range(16):
        s = 200 + 150 * np.exp(-((ch - rng.uniform(2000, 6000)) / 3000) ** 2)
        for c in rng.uniform(0, 8192, 60):
            s += rng.uniform(50, 2000) / (1 + ((ch - c) / rng.uniform(1, 4)) ** 2)
        als[i] = s + rng.normal(0, 5, 8192)

    arrays = {
        "line_raw": raw, "line_dark": dark, "line_white": white, "line_wavelengths": wl,
        "line_weights": weights, "line_intercept": intercept,
        "pls_x": x_pls, "pls_y": y_pls.astype("<i4"),
        "kmeans_x": x_km, "kmeans_init": init_km, "als_spectra": als,
    }
    manifest = {"params": {
        "pixels": PIXELS, "bands": BANDS, "lines": LINES, "classes": CLASSES,
        "savgol_window": 11, "savgol_order": 2, "pls_components": 17,
        "kmeans_k": CLASSES, "kmeans_max_iter": 300, "kmeans_tol": 1e-4,
        "als_lambda": 1e5, "als_p": 0.01, "als_iterations": 10,
    }, "arrays": {}}
    for name, a in arrays.items():
        a = np.ascontiguousarray(a)
        if a.dtype == np.float64:
            a = a.astype("<f8")
        a.tofile(os.path.join(out_dir, name + ".bin"))
        manifest["arrays"][name] = {"dtype": a.dtype.str, "shape": list(a.shape)}
    with open(os.path.join(out_dir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    print(f"workload data written to {out_dir}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, ".data"))
