#!/usr/bin/env bash
# Runs SortLine's whole test suite: builds the solution (warnings are errors), runs every test project,
# then runs the SIMD kernel tests again with each instruction-set level switched off, so the Vector512,
# Vector256, Vector128 and scalar paths are all exercised whatever this CPU has.
# Installs what the tests need on a fresh Debian machine first (see tests/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/install-deps.sh

dotnet build SortLine.sln -c Release -warnaserror --nologo -v quiet
dotnet test SortLine.sln -c Release --no-build --nologo

# Kernel tests again with ISAs off (style guide B3). The golden and property tests are ISA-independent.
for isa in DOTNET_EnableAVX512F DOTNET_EnableAVX2 DOTNET_EnableHWIntrinsic; do
  echo "== SortLine.Spectra.Tests with $isa=0"
  env "$isa=0" dotnet test tests/SortLine.Spectra.Tests -c Release --no-build --nologo --filter "Category=Simd"
done
