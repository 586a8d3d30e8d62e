#!/usr/bin/env bash
# Runs SortLine's whole test suite: builds the solution (warnings are errors), runs every test project,
# then runs the SIMD kernel tests again with each instruction-set level switched off, so the Vector512,
# Vector256, Vector128 and scalar paths are all exercised whatever this CPU has.
# Installs what the tests need on a fresh Debian machine first (see tests/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/install-deps.sh

# Every dotnet test summary goes through here too, so the run can close with one plain total line.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet build SortLine.sln -c Release -warnaserror --nologo -v quiet
# Test projects run one after another (-m:1): the service's integration tests drive a real-time simulated line
# and assert on dropped lines, which a 2-core machine busy with eight other test assemblies cannot honour.
dotnet test SortLine.sln -c Release --no-build --nologo -m:1 | tee -a "$log"

# Kernel tests again with ISAs off (style guide B3). .NET 10 switches Vector512 off with DOTNET_EnableAVX512
# (the older DOTNET_EnableAVX512F is ignored). The golden and property tests are ISA-independent.
# Every test project with [Trait("Category", "Simd")] tests is listed here.
for isa in DOTNET_EnableAVX512 DOTNET_EnableAVX2 DOTNET_EnableHWIntrinsic; do
  for project in SortLine.Spectra.Tests SortLine.Simulators.Tests; do
    echo "== $project with $isa=0"
    env "$isa=0" dotnet test "tests/$project" -c Release --no-build --nologo --filter "Category=Simd" | tee -a "$log"
  done
done

# One closing line over all runs above (set -o pipefail already failed the script on any failing run).
awk -F'[:,]' '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ { failed += $2; passed += $4 }
  END { printf "%d passed, %d failed\n", passed, failed }' "$log"
