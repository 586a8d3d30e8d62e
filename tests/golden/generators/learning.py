"""Goldens for the MSKD student (SortLine.Learning Student/): PLS-DA on the real Jasper Ridge AVIRIS scene.

Input: data/hsi/jasper_ridge (100 x 100 pixels x 198 bands, uint16 BSQ, value / 10000 = reflectance, see
data/SOURCES.md) and its ground-truth classes labels_argmax_100x100.csv (0 tree, 1 water, 2 dirt, 3 road).
Pixel index p = row * 100 + col (image row-major, as the C# side reads the cube line by line).

Preprocessing, identical on both sides: reflectance = DN / 10000 (float64); Savitzky-Golay (11, 2) along bands with
scipy.signal.savgol_filter(mode='interp'); hull quotient (spectral.spectral_continuum, the quotient set to 0 where the continuum is <= 0 as SortLine's
HullQuotient documents) over the *nominal* linear
wavelength grid of band_table.csv (the header's AVIRIS 1996 wavelengths are not strictly increasing where the
spectrometers overlap, and a hull needs increasing abscissae).

Reference: scikit-learn 1.2.1 PLSRegression(n_components=A, scale=True) on the one-hot labels of a fixed, seeded,
stratified 10 % training subset (numpy RandomState(20240611), per class round(10 %) pixels, indices written out),
class = argmax of the predicted Y on all 10,000 pixels; accuracy is on the 9,000 pixels outside the training set.
"""
import os

import numpy as np
import scipy.signal
import spectral
import sklearn
from sklearn.cluster import KMeans
from sklearn.cross_decomposition import PLSRegression
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

from ._common import write_json, write_matrix

SEED = 20240611
TRAIN_FRACTION = 0.10
COMPONENTS = [5, 17]
SAVGOL_WINDOW, SAVGOL_ORDER = 11, 2


def read_cube(data_dir):
    base = os.path.join(data_dir, "hsi", "jasper_ridge")
    raw = np.fromfile(os.path.join(base, "jasper_ridge_100x100x198_uint16_bsq.raw"), dtype="<u2")
    cube = raw.reshape(198, 100, 100)                       # band, line (row), sample (col)
    pixels = cube.transpose(1, 2, 0).reshape(-1, 198)       # p = row * 100 + col
    labels = np.loadtxt(os.path.join(base, "labels_argmax_100x100.csv"), delimiter=",", dtype=int).reshape(-1)
    table = np.genfromtxt(os.path.join(base, "band_table.csv"), delimiter=",", names=True)
    return pixels, labels, np.asarray(table["wavelength_nm_nominal_linear"], dtype=np.float64)


def preprocess(pixels, wavelengths):
    reflectance = pixels.astype(np.float64) / 10000.0
    smooth = np.ascontiguousarray(scipy.signal.savgol_filter(reflectance, SAVGOL_WINDOW, SAVGOL_ORDER, axis=1, mode="interp"))
    continuum = spectral.spectral_continuum(smooth, wavelengths)
    # SortLine's HullQuotient writes 0 where the continuum is <= 0 (documented; there is no continuum to divide by),
    # where SPy's remove_continuum divides anyway (a negative value over a negative hull vertex gives +1). Dark water
    # pixels reach negative smoothed reflectance at a few bands, so the rule matters here; apply SortLine's.
    quotient = np.zeros_like(smooth)
    positive = continuum > 0
    quotient[positive] = smooth[positive] / continuum[positive]
    return quotient


def stratified_subset(labels, fraction, seed):
    rng = np.random.RandomState(seed)
    chosen = []
    for k in np.unique(labels):
        members = np.flatnonzero(labels == k)
        count = int(round(fraction * members.size))
        chosen.append(rng.choice(members, size=count, replace=False))
    return np.sort(np.concatenate(chosen))


def generate(out_dir, data_dir):
    pixels, labels, wavelengths = read_cube(data_dir)
    x = preprocess(pixels, wavelengths)
    train = stratified_subset(labels, TRAIN_FRACTION, SEED)
    test_mask = np.ones(labels.size, dtype=bool)
    test_mask[train] = False
    classes = int(labels.max()) + 1
    y = np.eye(classes)[labels[train]]

    write_matrix(os.path.join(out_dir, "jasper_train_indices.csv"), train, header=["pixel"])
    # A few preprocessed spectra so a preprocessing mismatch shows as such, not as an accuracy difference.
    probe = np.array([0, 4321, 9999])
    write_matrix(os.path.join(out_dir, "jasper_preprocessed_probe.csv"), np.column_stack([probe, x[probe]]))

    cases = {}
    for a in COMPONENTS:
        pls = PLSRegression(n_components=a, scale=True).fit(x[train], y)
        predicted = np.argmax(pls.predict(x), axis=1)
        accuracy = float(np.mean(predicted[test_mask] == labels[test_mask]))
        write_matrix(os.path.join(out_dir, f"jasper_pls{a}_predicted.csv"), predicted, header=["class"])
        cases[str(a)] = {"components": a, "test_accuracy": accuracy,
                         "train_accuracy": float(np.mean(predicted[train] == labels[train]))}

    # The document's unsupervised baseline, for information: PCA (98 %), standard-scaled scores, k-means (k = 4),
    # clusters mapped to classes by majority over all pixels. The component count is compared exactly; the accuracy
    # depends on k-means seeding (numpy's random stream differs from C#'s), so it is reported, not compared.
    pca = PCA(n_components=0.98, svd_solver="full").fit(x)
    scores = StandardScaler().fit_transform(pca.transform(x))
    clusters = KMeans(n_clusters=classes, n_init=10, random_state=0).fit_predict(scores)
    mapping = np.array([np.bincount(labels[clusters == c], minlength=classes).argmax() for c in range(classes)])
    baseline = {"pca_components": int(pca.n_components_),
                "explained_variance_ratio": float(np.sum(pca.explained_variance_ratio_)),
                "accuracy_all_pixels": float(np.mean(mapping[clusters] == labels))}

    write_json(os.path.join(out_dir, "jasper_cases.json"), {
        "baseline_pca_kmeans": baseline,
        "sklearn": sklearn.__version__,
        "seed": SEED,
        "train_fraction": TRAIN_FRACTION,
        "train_count": int(train.size),
        "test_count": int(test_mask.sum()),
        "classes": ["tree", "water", "dirt", "road"],
        "savgol": {"window": SAVGOL_WINDOW, "order": SAVGOL_ORDER, "mode": "interp"},
        "reflectance_scale": 1.0 / 10000.0,
        "wavelengths": "band_table.csv wavelength_nm_nominal_linear",
        "pls": cases,
    })
