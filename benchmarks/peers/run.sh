#!/usr/bin/env bash
# SortLine vs peers on the same generated data: writes the workload data, times the NumPy/SciPy/
# scikit-learn/SPy versions, runs the matching BenchmarkDotNet benchmarks, prints ratios.
# Needs Debian's python3-numpy, python3-scipy, python3-sklearn, python3-spectral (installed if missing).
# Takes a few minutes; benchmarks are not part of the test suite.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="$here/.data"

need=()
for p in python3-numpy python3-scipy python3-sklearn python3-spectral; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -q && $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi

/usr/bin/python3 "$here/make_data.py" "$data"
/usr/bin/python3 "$here/peers.py" "$data"

artifacts="$data/bdn"
rm -rf "$artifacts"
SORTLINE_PEER_DATA="$data" dotnet run -c Release --project "$repo/benchmarks/SortLine.Benchmarks" -- \
  --filter '*PeerWorkloadBenchmarks*' --exporters json --artifacts "$artifacts" "$@"
report="$(ls "$artifacts"/results/*PeerWorkloadBenchmarks*-report-full-compressed.json | head -n 1)"
/usr/bin/python3 "$here/compare.py" "$data/peers.json" "$report" --markdown
