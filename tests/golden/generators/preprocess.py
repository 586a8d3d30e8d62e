"""Goldens for the SWIR preprocessing kernels (SortLine.Spectra Calibration/Smoothing/Continuum/Resampling).

References: scipy.signal.savgol_filter(mode='interp'), spectral.remove_continuum / spectral_continuum
(SPy 0.22.4, mode='convex') and spectral.BandResampler. Inputs are real USGS splib07a spectra from
data/swir-library, at their full 2151 channels (350-2500 nm, 1 nm) and resampled by SPy onto a
288-band 900-2500 nm camera (FWHM 6 nm) - the resampled spectra are themselves the resampling golden.
"""
import logging
import os

import numpy as np
import scipy.signal
import spectral

from ._common import read_usgs, write_json, write_matrix

MINERALS = [
    ("lepidolite", "lepidolite_hs167.3b_asdfrb_aref.csv"),
    ("muscovite", "muscovite_hs146.3b_asdfra_aref.csv"),
    ("kaolinite", "kaolinite_cm9_asdngb_aref.csv"),
    ("spodumene", "spodumene_hs210.3b_asdfrc_aref.csv"),
]

# Savitzky-Golay cases (window, polyorder, deriv); delta is the sample spacing of the grid.
SAVGOL_CAMERA = [(5, 2, 0), (11, 2, 0), (11, 3, 1), (15, 4, 2), (7, 6, 3), (21, 0, 0)]
SAVGOL_FULL = [(11, 2, 0), (25, 3, 1), (51, 4, 2)]


def camera_bands():
    """288 bands, 900-2500 nm, FWHM 6 nm (a typical SWIR push-broom camera)."""
    centers = np.linspace(900.0, 2500.0, 288)
    return centers, np.full(288, 6.0)


def aviris_like_bands():
    """224 bands in four overlapping spectrometer blocks, FWHM 9-12 nm, as AVIRIS-classic."""
    blocks = [(365.9, 9.6, 32, 9.5), (404.6, 9.7, 64, 9.4), (1263.0, 9.9, 64, 10.0), (1886.0, 9.95, 64, 10.5)]
    centers, fwhm = [], []
    for start, step, count, width in blocks:
        centers.extend(start + step * np.arange(count))
        fwhm.extend(np.full(count, width) + 0.02 * np.arange(count))
    return np.array(centers), np.array(fwhm)


def extended_camera_bands():
    """A camera reaching past the library (2400-2620 nm): the last bands have no source overlap."""
    centers = np.linspace(2400.0, 2620.0, 45)
    return centers, np.full(45, 6.0)


def sparse_triples(m):
    rows, cols = np.nonzero(np.nan_to_num(m, nan=0.0))
    return np.column_stack([rows, cols, m[rows, cols]])


def resample(out_dir, name, wl, fwhm_src, spectra, centers, fwhm, use_src_fwhm=True, weights=False):
    r = spectral.BandResampler(wl, centers, fwhm_src if use_src_fwhm else None, fwhm)
    m = r.matrix
    covered = ~np.isnan(m[:, 0])
    write_matrix(os.path.join(out_dir, f"resample_{name}_bands.csv"), np.column_stack([centers, fwhm, covered]),
                 header=["center_nm", "fwhm_nm", "covered"])
    if weights:  # the sparse matrix itself (kept for the small cases only: the goldens stay under 1 MB)
        write_matrix(os.path.join(out_dir, f"resample_{name}_weights.csv"), sparse_triples(m), header=["row", "col", "weight"])
    out = np.column_stack([r(s) for s in spectra])
    out[~covered, :] = 0.0  # SPy writes NaN there; the golden marks them in the 'covered' column instead
    write_matrix(os.path.join(out_dir, f"resample_{name}_spectra.csv"), out, header=[n for n, _ in MINERALS])
    return out, covered


def savgol(out_dir, prefix, x, spectra, cases):
    delta = float(x[1] - x[0])
    for (w, p, d) in cases:
        out = np.column_stack([scipy.signal.savgol_filter(s, w, p, deriv=d, delta=delta, mode="interp") for s in spectra])
        write_matrix(os.path.join(out_dir, f"savgol_{prefix}_w{w}_p{p}_d{d}.csv"), out)
    return delta


def hull(out_dir, prefix, x, spectra, names, what):
    if "quotient" in what:
        q = np.column_stack([spectral.remove_continuum(np.array(s, dtype=np.float64), x) for s in spectra])
        write_matrix(os.path.join(out_dir, f"hull_{prefix}_quotient.csv"), q, header=names)
    if "continuum" in what:
        c = np.column_stack([spectral.spectral_continuum(np.array(s, dtype=np.float64), x) for s in spectra])
        write_matrix(os.path.join(out_dir, f"hull_{prefix}_continuum.csv"), c, header=names)


def generate(out_dir, data_dir):
    logging.getLogger("spectral").setLevel(logging.WARNING)  # SPy logs every uncovered band at INFO
    wl = fwhm_src = None
    full = []
    for _, fname in MINERALS:
        w, refl, f = read_usgs(data_dir, fname)
        if wl is None:
            wl, fwhm_src = w, f
        assert np.array_equal(w, wl)
        full.append(refl)
    names = [n for n, _ in MINERALS]

    # Inputs: the library spectra at full resolution, with the library's wavelength and FWHM.
    write_matrix(os.path.join(out_dir, "usgs_2151.csv"), np.column_stack([wl, fwhm_src] + full),
                 header=["wavelength_nm", "fwhm_nm"] + names)

    # Band resampling (SPy BandResampler with the library FWHM as source response widths).
    cam_c, cam_f = camera_bands()
    cam, covered = resample(out_dir, "camera288", wl, fwhm_src, full, cam_c, cam_f)
    assert covered.all()
    av_c, av_f = aviris_like_bands()
    resample(out_dir, "aviris224", wl, fwhm_src, full, av_c, av_f)
    ext_c, ext_f = extended_camera_bands()
    _, ext_cov = resample(out_dir, "extended45", wl, fwhm_src, full, ext_c, ext_f, weights=True)
    assert not ext_cov.all() and ext_cov.any()
    # Without source FWHM: SPy derives it from the centre spacing (build_fwhm).
    resample(out_dir, "camera288_nosrcfwhm", wl, fwhm_src, full, cam_c, cam_f, use_src_fwhm=False, weights=True)

    # Savitzky-Golay on the camera-resampled spectra (all minerals) and on one full-resolution spectrum.
    cam_list = [cam[:, i] for i in range(cam.shape[1])]
    d_cam = savgol(out_dir, "camera288", cam_c, cam_list, SAVGOL_CAMERA)
    d_full = savgol(out_dir, "usgs2151", wl, [full[0]], SAVGOL_FULL)

    # Hull quotient and continuum (SPy convex mode).
    hull(out_dir, "camera288", cam_c, cam_list, names, ("quotient", "continuum"))
    hull(out_dir, "usgs2151", wl, full[:3], names[:3], ("quotient",))
    hull(out_dir, "usgs2151", wl, full[3:], names[3:], ("continuum",))

    write_json(os.path.join(out_dir, "cases.json"), {
        "minerals": names,
        "savgol_camera288": [list(c) for c in SAVGOL_CAMERA], "savgol_camera288_delta": d_cam,
        "savgol_usgs2151": [list(c) for c in SAVGOL_FULL], "savgol_usgs2151_delta": d_full,
        "hull_usgs2151_quotient": names[:3], "hull_usgs2151_continuum": names[3:],
        "reference": {"scipy": scipy.__version__, "spectral": spectral.__version__, "numpy": np.__version__},
    })
