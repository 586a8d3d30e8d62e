"""Shared writers for golden files: full-precision CSV (repr of float64) and JSON."""
import csv
import json
import os

import numpy as np


def write_matrix(path, matrix, header=None):
    """Writes a 1-D or 2-D array as CSV with 17 significant digits (round-trips float64 exactly)."""
    a = np.asarray(matrix, dtype=np.float64)
    if a.ndim == 1:
        a = a.reshape(-1, 1)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        if header:
            w.writerow(header)
        for row in a:
            w.writerow([repr(float(v)) for v in row])


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=2, sort_keys=True)
        f.write("\n")


def read_usgs(data_dir, name):
    """Reads a USGS splib07a CSV from data/swir-library: returns (wavelength_nm, reflectance, fwhm_nm)."""
    a = np.loadtxt(os.path.join(data_dir, "swir-library", name), delimiter=",", skiprows=1)
    return a[:, 0], a[:, 1], a[:, 2]
