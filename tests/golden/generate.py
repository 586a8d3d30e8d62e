#!/usr/bin/python3
"""Regenerates SortLine's golden files from reference implementations.

Run with Debian's Python (the one on PATH may lack the packages):

    /usr/bin/python3 tests/golden/generate.py            # all areas
    /usr/bin/python3 tests/golden/generate.py pls pca    # some areas

Needs python3-numpy, python3-scipy, python3-sklearn, python3-spectral (apt). Every area lives in
tests/golden/generators/<area>.py with a function generate(out_dir, data_dir) that writes into
tests/golden/<area>/. Inputs are fixed (seeded or read from the repository's data/), so a rerun
reproduces the committed files; review the diff before committing.
"""
import importlib
import os
import pkgutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import generators  # noqa: E402


def main(argv):
    areas = [m.name for m in pkgutil.iter_modules(generators.__path__) if not m.name.startswith("_")]
    wanted = argv or areas
    unknown = sorted(set(wanted) - set(areas))
    if unknown:
        sys.exit(f"unknown area(s): {', '.join(unknown)}; known: {', '.join(sorted(areas))}")
    for area in sorted(wanted):
        out_dir = os.path.join(HERE, area)
        os.makedirs(out_dir, exist_ok=True)
        module = importlib.import_module(f"generators.{area}")
        module.generate(out_dir, os.path.join(REPO, "data"))
        print(f"{area}: written to {os.path.relpath(out_dir, REPO)}")


if __name__ == "__main__":
    main(sys.argv[1:])
