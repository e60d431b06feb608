#!/usr/bin/env bash
# Installs the Debian packages the build, the tests and `make run` need.
# Idempotent: packages already present are skipped, and apt is not touched at all
# when nothing is missing (so a second `make test` costs nothing here).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config clang clang-format
  libclang-rt-14-dev
  libpoco-dev rapidjson-dev libtinyxml2-dev
  libpaho-mqttpp-dev libpaho-mqtt-dev libcpp-httplib-dev
  libcurl4-openssl-dev libssl-dev libsqlite3-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  mosquitto wrk curl
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing missing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
