"""Golden files for the LIBS teacher and sensor-registration kernels of SortLine.Spectra.

Four independent, textbook reference implementations (none of them ports the C#):

* ALS baseline (Eilers & Boelens 2005) with scipy.sparse: the second-difference matrix D is built with
  spdiags, the system (W + lambda D'D) z = W y is solved with scipy.sparse.linalg.spsolve (SuperLU).
* LIBS line features with plain numpy (boolean window mask, np.interp-free straight-line baseline,
  np.trapz), following the definition documented in SortLine.Spectra.Features.LineFeaturePlan.
* Umeyama similarity transform: scikit-image's SimilarityTransform().estimate (2-D) and
  skimage.transform._geometric._umeyama (3-D).
* Gaussian filter over a map: scipy.ndimage.gaussian_filter.

Outputs go to tests/golden/libsgeo/.
"""
import csv
import os

import numpy as np
import scipy.ndimage as ndi
from scipy import sparse
from scipy.sparse.linalg import spsolve
from skimage.transform import SimilarityTransform
from skimage.transform._geometric import _umeyama

from ._common import write_json, write_matrix

# The element line table of the methods brief (section 3), nm.
LINES = [
    ("Al", 237.23), ("Al", 308.17), ("Al", 309.25),
    ("K", 693.80), ("K", 766.40), ("K", 769.81),
    ("Li", 610.22), ("Li", 670.76), ("Li", 812.56),
    ("Na", 568.77), ("Na", 588.95), ("Na", 819.40),
    ("Si", 288.16), ("Si", 251.59), ("Si", 252.82),
    ("Rb", 779.94), ("Rb", 794.58),
]


def read_libs(data_dir, name, column):
    with open(os.path.join(data_dir, "libs", name)) as f:
        rows = list(csv.reader(f))
    header = rows[0]
    col = header.index(column)
    wl = np.array([float(r[0]) for r in rows[1:]])
    y = np.array([float(r[col]) for r in rows[1:]])
    return wl, y


# ---------------------------------------------------------------- ALS (scipy.sparse textbook)

def als_reference(y, lam, p, niter):
    """Eilers & Boelens (2005) asymmetric least squares, as in their paper's listing.

    Weights start at 1; each iteration solves (W + lam D'D) z = W y and then sets w = p where y > z,
    1 - p elsewhere. The returned z is the solution of the last of the niter solves.
    """
    n = len(y)
    D = sparse.diags([1.0, -2.0, 1.0], [0, -1, -2], shape=(n, n - 2))  # columns are second differences
    H = lam * D.dot(D.transpose())
    w = np.ones(n)
    z = None
    for _ in range(niter):
        W = sparse.spdiags(w, 0, n, n)
        z = spsolve(sparse.csc_matrix(W + H), w * y)
        w = np.where(y > z, p, 1.0 - p)
    return z


def generate_als(out_dir, data_dir):
    cases = []
    wl, y = read_libs(data_dir, "chemcam_CL5_398645626_mean.csv", "mean_intensity")
    cases.append(("als_chemcam", y, 1e5, 0.01, 10))
    wl_b, y_b = read_libs(data_dir, "basalt_mean_uv_vis_nir.csv", "mean_counts")
    cases.append(("als_basalt", y_b, 1e5, 0.01, 10))

    # Synthetic: curved background + Lorentzian lines + seeded Gaussian noise, 2,000 channels.
    rng = np.random.default_rng(20240521)
    x = np.linspace(0.0, 1.0, 2000)
    bg = 300.0 + 200.0 * np.exp(-3.0 * x) + 80.0 * np.sin(4.0 * x)
    lines = np.zeros_like(x)
    for c, a, g in [(0.12, 900.0, 0.002), (0.35, 400.0, 0.003), (0.36, 250.0, 0.002), (0.7, 1500.0, 0.004)]:
        lines += a * g * g / ((x - c) ** 2 + g * g)
    ys = bg + lines + rng.normal(0.0, 5.0, x.size)
    cases.append(("als_synthetic", ys, 1e5, 0.05, 10))
    cases.append(("als_synthetic_l1e7_p0001_i20", ys[:600], 1e7, 0.001, 20))

    meta = {}
    for name, spectrum, lam, p, niter in cases:
        z = als_reference(spectrum, lam, p, niter)
        write_matrix(os.path.join(out_dir, f"{name}.csv"), np.column_stack([spectrum, z]), ["spectrum", "baseline"])
        meta[name] = {"lambda": lam, "p": p, "iterations": niter, "channels": int(len(spectrum))}
    write_json(os.path.join(out_dir, "als_cases.json"), meta)


# ---------------------------------------------------------------- line features (numpy)

def line_features_reference(wl, y, lines, half_window, edge_samples):
    """Height and area of each line above a straight local baseline.

    Window: channels with |wl - line| <= half_window. Baseline: the straight line through the point
    (mean wavelength, mean intensity) of the first edge_samples window channels and the same point of
    the last edge_samples window channels. Height: the largest baseline-corrected intensity in the
    window. Area: trapezoidal integral of the baseline-corrected intensity over the window channels.
    """
    heights, areas = [], []
    for _, centre in lines:
        inside = np.abs(wl - centre) <= half_window
        w_win, y_win = wl[inside], y[inside]
        x_left, y_left = w_win[:edge_samples].mean(), y_win[:edge_samples].mean()
        x_right, y_right = w_win[-edge_samples:].mean(), y_win[-edge_samples:].mean()
        slope = (y_right - y_left) / (x_right - x_left)
        corrected = y_win - (y_left + slope * (w_win - x_left))
        heights.append(corrected.max())
        areas.append(np.trapz(corrected, w_win))
    return np.array(heights), np.array(areas)


def generate_features(out_dir, data_dir):
    wl, y = read_libs(data_dir, "chemcam_CL5_398645626_mean.csv", "mean_intensity")
    write_matrix(os.path.join(out_dir, "chemcam_wavelength_nm.csv"), wl, ["wavelength_nm"])  # spectrum: als_chemcam.csv
    covered = [(e, l) for e, l in LINES if l > wl[0] + 1.0 and l < wl[-1] - 1.0]  # Al 237.23 lies below ChemCam's 240.8 nm
    cases = {}
    for name, half_window, edge in [("features_chemcam_hw05_e1", 0.5, 1), ("features_chemcam_hw08_e2", 0.8, 2)]:
        h, a = line_features_reference(wl, y, covered, half_window, edge)
        write_matrix(os.path.join(out_dir, f"{name}.csv"),
                     np.column_stack([[l for _, l in covered], h, a]), ["wavelength_nm", "height", "area"])
        elements = []
        for e, _ in covered:
            if e not in elements:
                elements.append(e)
        agg_h = [sum(h[i] for i, (e2, _) in enumerate(covered) if e2 == e) for e in elements]
        agg_a = [sum(a[i] for i, (e2, _) in enumerate(covered) if e2 == e) for e in elements]
        write_matrix(os.path.join(out_dir, f"{name}_elements.csv"), np.column_stack([agg_h, agg_a]), ["height_sum", "area_sum"])
        cases[name] = {"half_window_nm": half_window, "edge_samples": edge,
                       "elements": [e for e, _ in covered], "element_order": elements}
    write_json(os.path.join(out_dir, "features_cases.json"), cases)


# ---------------------------------------------------------------- Umeyama (scikit-image)

def random_rotation(rng, dim):
    q, r = np.linalg.qr(rng.normal(size=(dim, dim)))
    q = q @ np.diag(np.sign(np.diag(r)))
    if np.linalg.det(q) < 0:
        q[:, 0] = -q[:, 0]
    return q


def generate_umeyama(out_dir, _data_dir):
    rng = np.random.default_rng(7)
    meta = {}
    for dim, n, noise, name in [(2, 25, 0.05, "umeyama_2d_noisy"), (2, 2, 0.0, "umeyama_2d_minimal"),
                                (3, 30, 0.02, "umeyama_3d_noisy"), (3, 3, 0.1, "umeyama_3d_minimal")]:
        src = rng.uniform(-50.0, 50.0, size=(n, dim))
        rot = random_rotation(rng, dim)
        scale = rng.uniform(0.5, 3.0)
        t = rng.uniform(-200.0, 200.0, size=dim)
        dst = scale * src @ rot.T + t + rng.normal(0.0, noise, size=(n, dim))
        if dim == 2:
            tf = SimilarityTransform()
            assert tf.estimate(src, dst)
            T = tf.params
        else:
            T = _umeyama(src, dst, True)
        A = T[:dim, :dim]
        s = np.sqrt(abs(np.linalg.det(A))) if dim == 2 else np.cbrt(np.linalg.det(A))
        fitted = src @ A.T + T[:dim, dim]
        rms = np.sqrt(np.mean(np.sum((dst - fitted) ** 2, axis=1)))
        write_matrix(os.path.join(out_dir, f"{name}_points.csv"), np.column_stack([src, dst]))
        write_matrix(os.path.join(out_dir, f"{name}_matrix.csv"), T)
        meta[name] = {"dimension": dim, "points": n, "scale": float(s), "rms_residual": float(rms)}
    write_json(os.path.join(out_dir, "umeyama_cases.json"), meta)


# ---------------------------------------------------------------- Gaussian filter (scipy.ndimage)

def generate_gaussian(out_dir, data_dir):
    # A 50 x 40 map: a seeded mineral-like mosaic scaled by real ChemCam line intensities plus noise.
    wl, y = read_libs(data_dir, "chemcam_CL5_398645626_mean.csv", "mean_intensity")
    level = np.array([y[np.argmin(np.abs(wl - l))] for l in (288.16, 588.95, 670.76, 766.40)]) / 1e11
    rng = np.random.default_rng(42)
    yy, xx = np.mgrid[0:50, 0:40]
    label = ((xx // 10) + 2 * (yy // 25)) % 4
    grid = level[label] + rng.normal(0.0, 0.1 * np.abs(level).mean(), size=(50, 40))
    write_matrix(os.path.join(out_dir, "gaussian_map.csv"), grid)
    meta = {}
    cases = [("gaussian_reflect", (1.5, 2.0), 4.0, "reflect", 0.0),
             ("gaussian_nearest", (2.0, 1.0), 4.0, "nearest", 0.0),
             ("gaussian_mirror", (1.0, 3.0), 3.0, "mirror", 0.0),
             ("gaussian_constant", (2.5, 0.7), 4.0, "constant", 1.25),
             ("gaussian_reflect_wide", (30.0, 25.0), 4.0, "reflect", 0.0),  # radius > map size: repeated reflection
             ("gaussian_mirror_wide", (30.0, 25.0), 4.0, "mirror", 0.0)]
    for name, sigma, truncate, mode, cval in cases:
        out = ndi.gaussian_filter(grid, sigma=sigma, truncate=truncate, mode=mode, cval=cval)
        write_matrix(os.path.join(out_dir, f"{name}.csv"), out)
        meta[name] = {"sigma_rows": sigma[0], "sigma_columns": sigma[1], "truncate": truncate, "mode": mode, "cval": cval}
    write_json(os.path.join(out_dir, "gaussian_cases.json"), meta)


def generate(out_dir, data_dir):
    generate_als(out_dir, data_dir)
    generate_features(out_dir, data_dir)
    generate_umeyama(out_dir, data_dir)
    generate_gaussian(out_dir, data_dir)
