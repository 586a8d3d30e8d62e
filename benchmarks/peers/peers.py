#!/usr/bin/python3
"""Times the peer (NumPy/SciPy/scikit-learn/SPy) versions of SortLine's benchmark workloads.

Reads the data written by make_data.py and writes peers.json: seconds per operation (best of several
repeats, after a warm-up) for each workload, plus the library versions used.
"""
import json
import os
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla
import sklearn
import spectral
from scipy.signal import savgol_filter
from sklearn.cluster import KMeans
from sklearn.cross_decomposition import PLSRegression

HERE = os.path.dirname(os.path.abspath(__file__))


def load(data_dir):
    with open(os.path.join(data_dir, "manifest.json")) as f:
        manifest = json.load(f)
    arrays = {}
    for name, meta in manifest["arrays"].items():
        arrays[name] = np.fromfile(os.path.join(data_dir, name + ".bin"), dtype=meta["dtype"]).reshape(meta["shape"])
    return manifest["params"], arrays


def best_time(fn, repeats, per=1):
    fn()  # warm-up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best / per


def als_baseline(y, lam, p, iterations):
    """Eilers & Boelens (2005) asymmetric least squares, sparse textbook formulation."""
    n = len(y)
    d = sp.diags([1.0, -2.0, 1.0], [0, 1, 2], shape=(n - 2, n))
    penalty = lam * (d.T @ d)
    w = np.ones(n)
    for _ in range(iterations):
        z = spla.spsolve(sp.csc_matrix(sp.diags(w) + penalty), w * y)
        w = p * (y > z) + (1 - p) * (y <= z)
    return z


def main(data_dir, out_path):
    params, a = load(data_dir)
    results = {}

    raw, dark, white = a["line_raw"], a["line_dark"], a["line_white"]
    inv = 1.0 / (white - dark)
    wl, w, b = a["line_wavelengths"], a["line_weights"], a["line_intercept"]
    win, order = params["savgol_window"], params["savgol_order"]
    lines = raw.shape[0]

    def line_chain():
        for i in range(lines):
            r = (raw[i] - dark) * inv
            s = savgol_filter(r, win, order, axis=1, mode="interp")
            q = spectral.remove_continuum(s, wl)
            np.argmax(q @ w.T + b, axis=1)

    results["line_preprocess_classify"] = best_time(line_chain, 3, per=lines)

    y_onehot = np.eye(params["classes"])[a["pls_y"]]
    pls = PLSRegression(n_components=params["pls_components"], scale=True)
    results["pls_fit"] = best_time(lambda: pls.fit(a["pls_x"], y_onehot), 3)

    km = KMeans(n_clusters=params["kmeans_k"], init=a["kmeans_init"], n_init=1, algorithm="lloyd",
                max_iter=params["kmeans_max_iter"], tol=params["kmeans_tol"])
    results["kmeans_fit"] = best_time(lambda: km.fit(a["kmeans_x"]), 5)

    spectra = a["als_spectra"]
    results["als_spectrum"] = best_time(
        lambda: [als_baseline(s, params["als_lambda"], params["als_p"], params["als_iterations"]) for s in spectra],
        3, per=len(spectra))

    out = {"seconds_per_op": results,
           "versions": {"numpy": np.__version__, "scipy": scipy.__version__,
                        "scikit-learn": sklearn.__version__, "spectral": spectral.__version__}}
    with open(out_path, "w") as f:
        json.dump(out, f, indent=2)
    for k, v in results.items():
        print(f"{k:28s} {v * 1e3:12.4f} ms/op")


if __name__ == "__main__":
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, ".data")
    main(data, os.path.join(data, "peers.json"))
