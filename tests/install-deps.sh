#!/usr/bin/env bash
# Installs, on a fresh Debian 12 machine, what SortLine's tests need beyond the .NET SDK.
# Idempotent: only missing packages are installed. Golden files are committed, so Python is needed
# only to regenerate them (tests/golden/generate.py), not to run the tests.
set -euo pipefail

apt_packages=(python3-spectral python3-numpy)   # SPy interop tests of the ENVI recordings (SortLine.Simulators.Recording.Tests)
apt_packages+=(prometheus)                      # promtool checks and the real-Prometheus scrape test (SortLine.Service.Tests)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
