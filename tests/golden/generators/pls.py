"""Golden files for PLS2 regression and PLS-DA (SortLine.Spectra.Regression) from scikit-learn 1.2.1.

Inputs: linear mixtures of five real USGS splib07a SWIR spectra (lepidolite, albite, quartz, muscovite,
spodumene), resampled to 120 bands over 1000-2490 nm, with seeded Dirichlet abundances, a multiplicative
illumination factor and Gaussian noise; X is quantised to 1e-5 reflectance so the CSV stays small and is read back
exactly. 200 training + 40 test spectra.
Regression targets (3 columns): abundances of lepidolite, spodumene, quartz. Single-target case: lepidolite only.
PLS-DA labels: the dominant mineral (class ids 0..4 in the order above), Y one-hot in class-id order.

Files (all CSV, written with 17 significant digits by _common.write_matrix):
  x_train.csv, x_test.csv (rows = spectra), y_train.csv (3 columns), labels_train.csv, labels_test.csv
  <case>_coef.csv        sklearn 1.2.1 coef_ (features x targets, for the standardised input)
  <case>_pred.csv        predict(x_test)
  <case>_x_weights.csv, _x_loadings.csv, _x_rotations.csv, _y_loadings.csv  (some cases)
  <case>_classes.csv     argmax of predict(x_test) (PLS-DA cases)
  cv_contiguous.csv      misclassified counts for A = 1..12, KFold(5, shuffle=False), scale=True
  cases.json             the case list
"""
import os
import warnings

import numpy as np
from sklearn.cross_decomposition import PLSRegression
from sklearn.model_selection import KFold

from ._common import read_usgs, write_json, write_matrix

MINERALS = [
    "lepidolite_hs167.3b_asdfrb_aref.csv",
    "albite_hs143.3b_plagioclase_asdfrc_aref.csv",
    "quartz_hs32.3b_asdfrc_aref.csv",
    "muscovite_hs146.3b_asdfra_aref.csv",
    "spodumene_hs210.3b_asdfrc_aref.csv",
]


def _data(data_dir):
    wl = np.linspace(1000.0, 2490.0, 120)
    endmembers = []
    for name in MINERALS:
        w, r, _ = read_usgs(data_dir, name)
        endmembers.append(np.interp(wl, w, r))
    e = np.array(endmembers)
    rng = np.random.default_rng(20240607)
    n = 240
    abundance = rng.dirichlet(np.full(5, 0.6), size=n)
    illumination = rng.uniform(0.85, 1.15, size=(n, 1))
    x = illumination * (abundance @ e) + rng.normal(0.0, 0.003, size=(n, wl.size))
    x = np.round(x, 5)
    y = np.round(abundance[:, [0, 4, 2]], 6)
    labels = abundance.argmax(axis=1)
    return x, y, labels


def _fit(x, y, a, scale):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = PLSRegression(n_components=a, scale=scale).fit(x, y)
        coef = m.coef_
    return m, coef


def generate(out_dir, data_dir):
    x, y, labels = _data(data_dir)
    xtr, xte = x[:200], x[200:]
    ytr = y[:200]
    ltr, lte = labels[:200], labels[200:]
    write_matrix(os.path.join(out_dir, "x_train.csv"), xtr)
    write_matrix(os.path.join(out_dir, "x_test.csv"), xte)
    write_matrix(os.path.join(out_dir, "y_train.csv"), ytr)
    write_matrix(os.path.join(out_dir, "labels_train.csv"), ltr)
    write_matrix(os.path.join(out_dir, "labels_test.csv"), lte)

    onehot = np.eye(5)[ltr]
    cases = []
    detailed = {("reg", 6, True), ("reg", 6, False), ("da", 10, True), ("single", 8, True)}
    plan = [("reg", ytr, a, s) for a in (1, 3, 6, 12) for s in (True, False)]
    plan += [("single", ytr[:, :1], a, True) for a in (3, 8)]
    plan += [("da", onehot, a, s) for a in (2, 5, 10, 17) for s in (True, False)]
    for kind, target, a, scale in plan:
        name = f"{kind}_a{a}_{'scaled' if scale else 'raw'}"
        m, coef = _fit(xtr, target, a, scale)
        pred = m.predict(xte)
        write_matrix(os.path.join(out_dir, f"{name}_coef.csv"), coef)
        write_matrix(os.path.join(out_dir, f"{name}_pred.csv"), pred)
        if kind == "da":
            write_matrix(os.path.join(out_dir, f"{name}_classes.csv"), pred.argmax(axis=1))
        if (kind, a, scale) in detailed:
            write_matrix(os.path.join(out_dir, f"{name}_x_weights.csv"), m.x_weights_)
            write_matrix(os.path.join(out_dir, f"{name}_x_loadings.csv"), m.x_loadings_)
            write_matrix(os.path.join(out_dir, f"{name}_x_rotations.csv"), m.x_rotations_)
            write_matrix(os.path.join(out_dir, f"{name}_y_loadings.csv"), m.y_loadings_)
        cases.append({"name": name, "kind": kind, "components": a, "scale": scale,
                      "targets": int(target.shape[1]), "detailed": (kind, a, scale) in detailed,
                      "n_iter": [int(i) for i in m.n_iter_]})

    # Cross-validated misclassification for A = 1..12, contiguous 5-fold (KFold without shuffle).
    a_max = 12
    errors = np.zeros(a_max, dtype=int)
    for train, test in KFold(n_splits=5, shuffle=False).split(xtr):
        for a in range(1, a_max + 1):
            m, _ = _fit(xtr[train], np.eye(5)[ltr[train]], a, True)
            errors[a - 1] += int(np.sum(m.predict(xtr[test]).argmax(axis=1) != ltr[test]))
    write_matrix(os.path.join(out_dir, "cv_contiguous.csv"), errors)
    write_json(os.path.join(out_dir, "cases.json"), {"cases": cases, "cv": {"folds": 5, "max_components": a_max,
                                                                         "scale": True}})
