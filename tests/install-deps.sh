#!/usr/bin/env bash
# Installs, on a fresh Debian 12 machine, what SortLine's tests need beyond the .NET SDK.
# Idempotent: only missing packages are installed. Golden files are committed, so Python is needed
# only to regenerate them (tests/golden/generate.py), not to run the tests.
set -euo pipefail

# One package a line, with the tests that need it.
apt_packages=(
  python3-numpy      # SPy interop tests of the ENVI recordings (SortLine.Simulators.Recording.Tests)
  python3-spectral   # same
  python3-onnx       # ONNX checker (SortLine.Learning.Tests)
  prometheus         # promtool checks and the real-Prometheus scrape test (SortLine.Service.Tests)
  systemd            # systemd-analyze verify of deploy/systemd/sortline.service (SortLine.Service.Tests, DeployTests)
)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# OPC UA interop tests (tests/interop, node-opcua via npm): needs Node.js 20+ and npm on PATH.
# npm ci only when node_modules is missing or older than the lockfile.
interop="$(dirname "$0")/interop"
if [ ! -f "$interop/node_modules/.package-lock.json" ] || [ "$interop/package-lock.json" -nt "$interop/node_modules/.package-lock.json" ]; then
  command -v npm >/dev/null 2>&1 || { echo "install-deps: npm is required for tests/interop (install Node.js 20+)" >&2; exit 1; }
  (cd "$interop" && npm ci --no-audit --no-fund)
fi
