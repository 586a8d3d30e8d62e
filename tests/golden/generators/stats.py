"""Goldens for the training-time statistics kernels: scalers, PCA and k-means (scikit-learn 1.2.1).

Inputs:
- spectra_mix.csv: 200 x 288 SWIR reflectance spectra, linear mixtures (Dirichlet weights) of the seven USGS
  splib07a minerals in data/swir-library resampled to 288 bands over 1000-2500 nm, with a seeded brightness
  factor and Gaussian noise, rounded to 5 decimals (like 16-bit DN quantisation; the rounded values are the
  input, so C# reads exactly what scikit-learn saw).
- scaler_features.csv: 40 x 6 seeded features with different scales, a negative column, a constant column
  and a column of zeros (the zero-variance and zero-max cases).
- blobs.csv: 300 x 3 seeded Gaussian blobs (4 centres).
- pca_scores_scaled.csv: the first PCA scores (98 % variance) of spectra_mix, standard-scaled: the document's
  SWIR baseline features, clustered with k-means.
"""
import os

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.preprocessing import MaxAbsScaler, StandardScaler

from ._common import read_usgs, write_json, write_matrix

MINERALS = [
    "albite_hs143.3b_plagioclase_asdfrc_aref.csv",
    "calcite_ws272_asdnga_aref.csv",
    "kaolinite_cm9_asdngb_aref.csv",
    "lepidolite_hs167.3b_asdfrb_aref.csv",
    "muscovite_hs146.3b_asdfra_aref.csv",
    "quartz_hs32.3b_asdfrc_aref.csv",
    "spodumene_hs210.3b_asdfrc_aref.csv",
]


def spectra_mix(data_dir, rng):
    bands = np.linspace(1000.0, 2500.0, 288)
    library = []
    for name in MINERALS:
        wl, refl, _ = read_usgs(data_dir, name)
        library.append(np.interp(bands, wl, refl))
    library = np.array(library)  # 7 x 288
    weights = rng.dirichlet(np.full(len(MINERALS), 0.3), size=200)  # 200 x 7
    brightness = rng.uniform(0.85, 1.1, size=(200, 1))
    x = brightness * (weights @ library) + rng.normal(0.0, 0.003, size=(200, 288))
    return np.round(x, 5)


def scaler_features(rng):
    x = np.empty((40, 6))
    x[:, 0] = rng.normal(5.0, 2.0, 40)
    x[:, 1] = rng.normal(-3e3, 1e2, 40)
    x[:, 2] = rng.uniform(-1.0, 1.0, 40) * 1e-3
    x[:, 3] = 7.25  # constant: zero variance, scale 1
    x[:, 4] = 0.0  # all zero: max |x| = 0, scale 1
    x[:, 5] = rng.exponential(1.0, 40)
    return x


def blobs(rng):
    centres = np.array([[0.0, 0.0, 0.0], [4.0, 4.0, 0.0], [0.0, 5.0, 4.0], [5.0, 0.0, 5.0]])
    per = 75
    return np.vstack([c + rng.normal(0.0, 1.0, size=(per, 3)) for c in centres])


def write_kmeans(out_dir, case, x, init, tol, max_iter):
    km = KMeans(n_clusters=init.shape[0], init=init, n_init=1, algorithm="lloyd", tol=tol, max_iter=max_iter)
    km.fit(x)
    write_matrix(os.path.join(out_dir, f"kmeans_{case}_init.csv"), init)
    write_matrix(os.path.join(out_dir, f"kmeans_{case}_centroids.csv"), km.cluster_centers_)
    write_matrix(os.path.join(out_dir, f"kmeans_{case}_labels.csv"), km.labels_.astype(np.float64))
    write_json(os.path.join(out_dir, f"kmeans_{case}.json"), {
        "tol": tol, "max_iter": max_iter, "inertia": float(km.inertia_), "n_iter": int(km.n_iter_),
    })


def generate(out_dir, data_dir):
    rng = np.random.default_rng(20240611)

    # Scalers.
    f = scaler_features(rng)
    write_matrix(os.path.join(out_dir, "scaler_features.csv"), f)
    for name, scaler in (("standard", StandardScaler()), ("standard_nomean", StandardScaler(with_mean=False)),
                         ("standard_nostd", StandardScaler(with_std=False)), ("maxabs", MaxAbsScaler())):
        scaler.fit(f)
        params = {}
        if name.startswith("standard"):
            params["mean"] = scaler.mean_ if scaler.mean_ is not None else np.zeros(f.shape[1])
            params["var"] = scaler.var_ if scaler.var_ is not None else np.zeros(f.shape[1])
            params["scale"] = scaler.scale_ if scaler.scale_ is not None else np.ones(f.shape[1])
        else:
            params["max_abs"] = scaler.max_abs_
            params["scale"] = scaler.scale_
        write_matrix(os.path.join(out_dir, f"scaler_{name}_params.csv"), np.vstack(list(params.values())),
                     header=None)
        write_matrix(os.path.join(out_dir, f"scaler_{name}_transformed.csv"), scaler.transform(f))

    # PCA on real spectra.
    x = spectra_mix(data_dir, rng)
    write_matrix(os.path.join(out_dir, "spectra_mix.csv"), x)
    spectra_std = StandardScaler().fit(x)
    write_matrix(os.path.join(out_dir, "scaler_spectra_params.csv"),
                 np.vstack([spectra_std.mean_, spectra_std.var_, spectra_std.scale_]))
    write_matrix(os.path.join(out_dir, "scaler_spectra_transformed_head.csv"), spectra_std.transform(x[:5]))
    spectra_maxabs = MaxAbsScaler().fit(x)
    write_matrix(os.path.join(out_dir, "scaler_spectra_maxabs_params.csv"),
                 np.vstack([spectra_maxabs.max_abs_, spectra_maxabs.scale_]))

    for case, data in (("wide", x), ("tall", x[:, ::8])):
        full = PCA(svd_solver="full").fit(data)
        n98 = int(PCA(n_components=0.98, svd_solver="full").fit(data).n_components_)
        keep = min(10, full.components_.shape[0])
        write_matrix(os.path.join(out_dir, f"pca_{case}_mean.csv"), full.mean_)
        write_matrix(os.path.join(out_dir, f"pca_{case}_spectrum.csv"),
                     np.column_stack([full.singular_values_, full.explained_variance_,
                                      full.explained_variance_ratio_]))
        write_matrix(os.path.join(out_dir, f"pca_{case}_components.csv"), full.components_[:keep])
        reduced = PCA(n_components=n98, svd_solver="full").fit(data)
        write_matrix(os.path.join(out_dir, f"pca_{case}_scores.csv"), reduced.transform(data))
        write_matrix(os.path.join(out_dir, f"pca_{case}_reconstructed_head.csv"),
                     reduced.inverse_transform(reduced.transform(data[:5])))
        write_json(os.path.join(out_dir, f"pca_{case}.json"), {
            "n_components_98": n98, "compared_components": keep, "rows": data.shape[0], "columns": data.shape[1],
        })

    # K-means (a): blobs with explicit initial centroids.
    b = blobs(rng)
    write_matrix(os.path.join(out_dir, "blobs.csv"), b)
    write_kmeans(out_dir, "blobs", b, b[[0, 1, 2, 3]].copy(), 1e-4, 300)
    write_kmeans(out_dir, "blobs_maxiter2", b, b[[0, 1, 2, 3]].copy(), 0.0, 2)
    # One initial centroid far from every sample: its cluster is empty after the first assignment and gets
    # relocated to the sample farthest from its centre.
    far = np.vstack([b[[0, 80, 160]], [[50.0, 50.0, 50.0]]])
    write_kmeans(out_dir, "blobs_empty", b, far, 1e-4, 300)

    # K-means (b): standard-scaled PCA scores of the real spectra (the document's SWIR baseline).
    reduced = PCA(n_components=0.98, svd_solver="full").fit(x)
    scores = StandardScaler().fit_transform(reduced.transform(x))
    write_matrix(os.path.join(out_dir, "pca_scores_scaled.csv"), scores)
    write_kmeans(out_dir, "spectra", scores, scores[[0, 1, 2, 3, 4]].copy(), 1e-4, 300)
