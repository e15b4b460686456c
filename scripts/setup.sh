#!/usr/bin/env bash
# Installs the Debian packages Luister needs to build, run and test.
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ccache
  libboost-dev nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev
  libsqlite3-dev libsodium-dev libstemmer-dev libgumbo-dev libicu-dev zlib1g-dev
  libgtest-dev libgmock-dev
)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(libbenchmark-dev wrk)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: missing Debian packages: ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "setup: run this as root, then try again:"
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: installed ${missing[*]}"
